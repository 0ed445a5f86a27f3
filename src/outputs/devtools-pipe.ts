/**
 * The DevTools protocol over the two pipes Chromium opens with
 * `--remote-debugging-pipe` (it reads on fd 3, writes on fd 4; each message
 * ends with a NUL). Over a pipe rather than a port, the browser notices at
 * once when the process driving it dies, by any means (kill -9, the OOM
 * killer, a CI timeout): its end of the pipe closes and it exits.
 * puppeteer drives it through this object (its ConnectionTransport).
 */
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/** An id puppeteer never uses (its own count from 1): the probe's answer is ours, not its. */
const PROBE_ID = 2 ** 31 - 1;

export class DevToolsPipe implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;
  private answered: (() => void) | null = null;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.onclose?.());
    // A browser gone mid-write is said by its exit, not by an unhandled stream error.
    fromBrowser.on('error', () => {});
    toBrowser.on('error', () => {});
  }

  /** Resolves once the browser answers: it has started and reads its pipe. */
  ready(): Promise<void> {
    return new Promise((resolve) => {
      this.answered = resolve;
      this.send(JSON.stringify({ id: PROBE_ID, method: 'Browser.getVersion' }));
    });
  }

  send(message: string): void {
    if (this.closed) return;
    this.toBrowser.write(`${message}\0`);
  }

  close(): void {
    this.closed = true;
    this.toBrowser.end();
  }

  private receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end < 0) {
      this.pending.push(chunk);
      return;
    }
    let start = 0;
    while (end >= 0) {
      const message = Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString('utf8');
      this.pending = [];
      this.dispatch(message);
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private dispatch(message: string): void {
    if (this.answered && message.startsWith(`{"id":${PROBE_ID},`)) {
      this.answered();
      this.answered = null;
      return;
    }
    // As puppeteer's own pipe does: each message in a task of its own, in order.
    setImmediate(() => this.onmessage?.(message));
  }
}
