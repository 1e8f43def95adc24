// The server's end of the connection, chosen from the command line as vscode-languageserver would (--stdio,
// --node-ipc, --socket=<port>, --pipe=<name>), but with our framing reader on byte streams and the lifecycle gate
// on every transport. A broken frame header closes the connection: it is logged on stderr and the process exits 1.
import * as net from 'node:net';
import { format } from 'node:util';
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { FramedMessageReader, FramingError } from './framing.js';
import { LifecycleGate } from './lifecycle.js';

export interface Transport {
  reader: LifecycleGate;
  writer: MessageWriter;
  /** stdout carries the protocol, so nothing else may be printed there. */
  stdio: boolean;
}

function logLine(message: string): void {
  process.stderr.write(`presence: ${message}\n`);
}

/** `--name value` or `--name=value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

function streams(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
  const warn = (m: string) => logLine(m);
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  if (argv.includes('--stdio'))
    return { reader: new FramedMessageReader(process.stdin, warn), writer: new StreamMessageWriter(process.stdout), stdio: true };
  const port = Number.parseInt(option(argv, '--socket') ?? '', 10);
  const pipe = option(argv, '--pipe');
  if (Number.isInteger(port) || pipe) {
    const socket = Number.isInteger(port) ? net.createConnection(port, '127.0.0.1') : net.createConnection(pipe!);
    return { reader: new FramedMessageReader(socket, warn), writer: new StreamMessageWriter(socket), stdio: false };
  }
  throw new Error('Presence language server: start it with --stdio, --node-ipc, --socket=<port> or --pipe=<name>.');
}

/**
 * Opens the transport named on the command line. The process exits when the client goes away: 0 after a
 * `shutdown` request, 1 otherwise (as vscode-languageserver does for its own transports), 1 on a broken frame.
 */
export function openTransport(argv: readonly string[] = process.argv.slice(2)): Transport {
  const { reader, writer, stdio } = streams(argv);
  if (stdio) {
    // A stray console.log would corrupt the stream; the library's own transport redirects these too.
    const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
    console.log = console.info = console.debug = toStderr;
  }
  const gate = new LifecycleGate(reader, writer);
  let broken = false;
  gate.onError((e) => {
    if (!(e instanceof FramingError)) return;
    broken = true;
    logLine(`closing the connection: ${e.message}. The messages after it cannot be told apart, so nothing more is read.`);
  });
  const exit = () => process.exit(gate.phase === 'shutdown' && !broken ? 0 : 1);
  gate.onClose(exit);
  writer.onClose(exit);
  return { reader: gate, writer, stdio };
}
