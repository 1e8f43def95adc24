// The LSP lifecycle, enforced between the transport and the connection (vscode-languageserver answers any request
// at any time): before `initialize`, requests get ServerNotInitialized and notifications other than `exit` are
// dropped; a second `initialize` is refused; after `shutdown`, requests get InvalidRequest and only `exit` counts.
import {
  AbstractMessageReader,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-languageserver/node';

type Phase = 'uninitialized' | 'running' | 'shutdown';

type Refusal = { code: number; message: string } | 'drop' | undefined;

/** What to do with a message in a phase: undefined passes it on. Pure: the rules read in one place. */
function refusal(phase: Phase, method: string, isRequest: boolean): Refusal {
  if (method === 'exit') return undefined;
  if (phase === 'uninitialized') {
    if (method === 'initialize') return undefined;
    return isRequest
      ? {
          code: ErrorCodes.ServerNotInitialized,
          message: `The server is not initialized yet, so "${method}" was not run: send "initialize" first.`,
        }
      : 'drop';
  }
  if (phase === 'running') {
    if (method === 'initialize')
      return isRequest
        ? { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized; a second "initialize" was refused.' }
        : 'drop';
    return undefined;
  }
  return isRequest
    ? { code: ErrorCodes.InvalidRequest, message: `The server is shutting down, so "${method}" was not run: only "exit" is accepted now.` }
    : 'drop';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class LifecycleGate extends AbstractMessageReader {
  private current: Phase = 'uninitialized';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  get phase(): Phase {
    return this.current;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }

  private admit(received: Message): boolean {
    const message: unknown = received; // whatever JSON the client sent
    // Responses and anything that is not a JSON-RPC call pass on: the connection handles (or logs) them.
    if (!isObject(message) || typeof message.method !== 'string') return true;
    const id = message.id;
    const isRequest = id !== undefined;
    const why = refusal(this.current, message.method, isRequest);
    if (why === undefined) {
      if (message.method === 'initialize' && isRequest) this.current = 'running';
      else if (message.method === 'shutdown' && isRequest) this.current = 'shutdown';
      return true;
    }
    if (why !== 'drop') {
      // An id that cannot be answered (an object, say) is the connection's to reject.
      if (typeof id !== 'string' && typeof id !== 'number') return true;
      const answer: ResponseMessage = { jsonrpc: '2.0', id, error: why };
      void this.writer.write(answer).catch(() => undefined); // a gone client is noticed by the reader
    }
    return false;
  }
}
