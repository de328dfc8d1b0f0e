import type { WebSocket } from 'ws';
import type { SocketFault } from './faults.js';
import type { Journal } from './journal.js';

/**
 * A websocket as providers see it: JSON in and out, every frame journaled, bad frames reported
 * instead of thrown, and the scenario's close faults applied after the matching outgoing frame.
 */
export class JournaledSocket {
  sessionId: string | undefined;
  #sent = 0;

  constructor(
    readonly raw: WebSocket,
    private readonly journal: Journal,
    readonly provider: string,
    readonly path: string,
    private readonly fault: SocketFault | undefined,
  ) {}

  get isOpen(): boolean {
    return this.raw.readyState === this.raw.OPEN;
  }

  sendJson(message: unknown): void {
    if (!this.isOpen) return;
    const text = JSON.stringify(message);
    this.raw.send(text);
    this.#sent++;
    this.#record('ws-out', text);
    if (this.#faultDue(text)) {
      const { closeCode } = this.fault as SocketFault;
      this.#record('ws-close', '', `fault: ${closeCode ? `closed with ${closeCode}` : 'dropped abruptly'}`);
      if (closeCode) this.raw.close(closeCode, 'kyc-sim fault');
      else this.raw.terminate();
    }
  }

  close(code = 1000, reason = ''): void {
    if (this.raw.readyState === this.raw.CLOSED || this.raw.readyState === this.raw.CLOSING) return;
    this.raw.close(code, reason);
  }

  /** Calls `handler` with each text frame; binary frames are journaled and ignored. */
  onText(handler: (text: string) => void): void {
    this.raw.on('message', (data, isBinary) => {
      const text = isBinary ? `<binary ${(data as Buffer).length} bytes>` : data.toString();
      this.#record('ws-in', text);
      if (!isBinary) handler(text);
    });
  }

  onClose(handler: (code: number) => void): void {
    this.raw.on('close', (code) => {
      this.#record('ws-close', '', `closed with ${code}`);
      handler(code);
    });
  }

  recordOpen(): void {
    this.#record('ws-open', '');
  }

  #faultDue(text: string): boolean {
    const fault = this.fault;
    if (!fault) return false;
    if (fault.afterMessages !== undefined && this.#sent >= fault.afterMessages) return true;
    return fault.afterMessage !== undefined && text.includes(fault.afterMessage);
  }

  #record(kind: 'ws-in' | 'ws-out' | 'ws-open' | 'ws-close', message: string, note?: string): void {
    this.journal.record({
      kind,
      provider: this.provider,
      path: this.path,
      message,
      sessionId: this.sessionId,
      note,
    });
  }
}
