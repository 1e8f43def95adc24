// Reads LSP frames (`Content-Length: n\r\n\r\n` + n bytes of JSON) from a byte stream, checking every header block.
// vscode-jsonrpc's own reader accepts `Content-Length: -5`, a duplicate length or a 1 GB length and then reads the
// stream out of step, silently. A header we cannot trust ends the connection instead: after it, no later frame
// boundary can be known. A frame whose header is sound but whose body is unusable is skipped, and reading goes on.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** Larger messages are refused (a 2 M-character document in a didOpen is about 4–8 MB of JSON). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header block is two short lines; anything this long without a blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;

/** The stream cannot be read on: the caller closes the connection. */
export class FramingError extends Error {}

const END = Buffer.from('\r\n\r\n', 'ascii');

/** The body length a header block announces, or a FramingError saying what is wrong with it. */
function parseHeaderBlock(block: string): { length: number; charset: string | undefined } | FramingError {
  let length: number | undefined;
  let charset: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return new FramingError(`a message header line is not "Name: value" (${JSON.stringify(line.slice(0, 80))})`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (length !== undefined) return new FramingError('a message has two Content-Length headers');
      if (!/^[0-9]{1,12}$/.test(value))
        return new FramingError(`a message's Content-Length is ${JSON.stringify(value.slice(0, 40))}, not a byte count`);
      length = Number(value);
      if (length > MAX_MESSAGE_BYTES)
        return new FramingError(
          `a message announces ${length.toLocaleString('en-US')} bytes, over the limit of ${MAX_MESSAGE_BYTES.toLocaleString('en-US')}`,
        );
    } else if (name === 'content-type') {
      charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
    }
  }
  if (length === undefined) return new FramingError('a message has no Content-Length header');
  return { length, charset };
}

export class FramedMessageReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body length of the frame being read; undefined while reading a header. */
  private bodyLength: number | undefined;
  private charset: string | undefined;
  private stopped = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly input: NodeJS.ReadableStream,
    /** Frames skipped for a bad body; the connection goes on. */
    private readonly warn: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (b: Buffer | string) => this.onData(typeof b === 'string' ? Buffer.from(b, 'utf8') : b, callback);
    const onError = (e: unknown) => this.fireError(e);
    const onEnd = () => this.stop();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onEnd);
        this.input.off('close', onEnd);
      },
    };
  }

  private stop(error?: FramingError): void {
    if (this.stopped) return;
    this.stopped = true;
    this.chunks = [];
    if (error) this.fireError(error);
    this.fireClose();
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.stopped) return;
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      if (this.bodyLength === undefined) {
        // Headers are short, so joining what is buffered is cheap; a body is joined only once it is complete.
        const head =
          this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks.map((c) => c.subarray(0, MAX_HEADER_BYTES + END.length)));
        const end = head.subarray(0, MAX_HEADER_BYTES + END.length).indexOf(END);
        if (end < 0) {
          if (this.buffered > MAX_HEADER_BYTES)
            this.stop(new FramingError(`no end of a message header within ${MAX_HEADER_BYTES.toLocaleString('en-US')} bytes`));
          return;
        }
        const parsed = parseHeaderBlock(head.subarray(0, end).toString('latin1'));
        if (parsed instanceof FramingError) {
          this.stop(parsed);
          return;
        }
        this.bodyLength = parsed.length;
        this.charset = parsed.charset;
        this.consume(end + END.length);
      }
      if (this.buffered < this.bodyLength) return;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const body = all.subarray(0, this.bodyLength);
      this.chunks = all.length > this.bodyLength ? [all.subarray(this.bodyLength)] : [];
      this.buffered = all.length - this.bodyLength;
      this.bodyLength = undefined;
      const message = this.decode(body);
      if (message !== undefined) this.deliver(message, callback);
      if (this.stopped || this.buffered === 0) return;
    }
  }

  /** The connection's handlers can throw on odd params (`$/cancelRequest` with null): that must not end reading. */
  private deliver(message: Message, callback: DataCallback): void {
    try {
      callback(message);
    } catch (e) {
      this.warn(`a message could not be handled: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private consume(n: number): void {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.buffered = all.length - n;
  }

  private decode(body: Buffer): Message | undefined {
    if (this.charset !== undefined && this.charset !== 'utf-8' && this.charset !== 'utf8') {
      this.warn(`a message in charset "${this.charset}" was skipped: only UTF-8 is supported`);
      return undefined;
    }
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      this.warn(`a message of ${body.length} bytes was skipped: it is not valid UTF-8`);
      return undefined;
    }
    try {
      // The connection checks the shape of what it is given (and answers or logs a message that is not JSON-RPC).
      return JSON.parse(text) as Message;
    } catch {
      this.warn(`a message of ${body.length} bytes was skipped: it is not valid JSON`);
      return undefined;
    }
  }
}
