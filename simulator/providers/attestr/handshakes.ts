import { createHash } from 'node:crypto';
import type { KindRunner } from '../../engine/session-kinds.js';
import { recordEvent, type SessionRecord } from '../../engine/store.js';
import type { AttestrError, Language } from './errors.js';
import type { StageStep } from './handshake-kind.js';
import type { AttestrClient, AttestrContext, Flow } from './schema.js';

/** One FlowX handshake (device session); its kind, states and steps: ./handshake-kind.ts. */
export type HandshakeState = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'ERRORED' | 'SKIPPED' | 'EXPIRED';

export type StageStatus = 'pending' | 'running' | 'success' | 'error' | 'skipped';

export interface StageRun {
  id: string;
  type: string;
  title?: string;
  status: StageStatus;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
  /** When the stage started running, on the simulator clock. */
  startedAt?: number;
}

/** The data onFlowxError receives. */
export interface FlowxErrorData {
  code: number;
  httpStatusCode: number;
  message: string;
  retry: false;
  stage: string | null;
  original?: AttestrError;
}

export interface HandshakeData {
  clientKey: string;
  flowId: string;
  /** The flow's snapshot id (a String), or null for the draft. */
  snapshot: string | null;
  tag: string;
  webhook: boolean;
  expiresAt: number;
  /** Human-readable number, a String like "3804-324489-8469". */
  number: string;
  digest: string;
  requestId: string;
  /** True once flowx.js launched the handshake on a device. */
  consumed: boolean;
  /** When the handshake was archived (ms epoch), else null. */
  archived: number | null;
  lc: Language;
  /** Values of the flow's declared variables: defaults, overridden by flowx.js `qr`. */
  variables: Record<string, unknown>;
  stages: StageRun[];
  /** Exact JSON text of the result as served and signed; null until the run ends with a result. */
  resultText: string | null;
  resultSignature: string | null;
  error?: FlowxErrorData;
  skippedAt?: string | null;
  endedAt?: number;
}

export type Handshake = SessionRecord<HandshakeData>;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const idFrom = (bytes: Buffer) => [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');

/**
 * Handshake ids have the shape of Attestr's (`DS02zfeuv6n4gkq51hvw6`: "DS02" and 17 lowercase
 * letters or digits), which its Android SDK checks against ^DS0[0-9a-zA-Z_-]{6,30}$.
 */
export const handshakeId = (bytes: Buffer) => `DS02${idFrom(bytes.subarray(0, 17))}`;

/** The human-readable number: 4-6-4 digits, as in Attestr's sample "3804-324489-8469". */
export function handshakeNumber(digit: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, digit).join('');
  return `${digits(4)}-${digits(6)}-${digits(4)}`;
}

export class Handshakes {
  /** The handshake kind on the engine; set once by the provider, as its steps call back in here. */
  kind!: KindRunner<HandshakeData, StageStep>;

  constructor(readonly ctx: AttestrContext) {}

  get(id: string): Promise<Handshake | undefined> {
    return this.ctx.store.get<HandshakeData>(id);
  }

  async create(
    client: AttestrClient,
    flow: Flow,
    request: { snapshot: string | null; tag: string; webhook: boolean; expiresAt: number },
  ): Promise<Handshake> {
    const { ctx } = this;
    const random = ctx.random();
    const now = ctx.clock.now();
    const id = handshakeId(random.bytes(17));
    const handshake: Handshake = {
      id,
      provider: 'attestr',
      kind: this.kind.kind,
      state: 'CREATED',
      createdAt: now,
      updatedAt: now,
      data: {
        clientKey: client.clientKey,
        flowId: flow.id,
        snapshot: request.snapshot,
        tag: request.tag,
        webhook: request.webhook,
        expiresAt: request.expiresAt,
        number: handshakeNumber(() => random.int(0, 9)),
        digest: createHash('sha256')
          .update(`${id}:${flow.id}:${request.snapshot}:${request.tag}`)
          .digest('hex'),
        requestId: random.uuid(),
        consumed: false,
        archived: null,
        lc: 'en',
        variables: { ...flow.variables },
        stages: flow.stages.map((s) => ({
          id: s.id,
          type: s.type,
          title: s.title,
          status: 'pending',
          input: s.input,
        })),
        resultText: null,
        resultSignature: null,
      },
      timeline: [
        {
          at: now,
          event: 'CREATED',
          detail: { flow: flow.id, snapshot: request.snapshot, tag: request.tag },
        },
      ],
    };
    await ctx.store.put(handshake);
    await this.kind.at(id, 'expiry', request.expiresAt);
    return handshake;
  }

  async archive(id: string, reason: string): Promise<void> {
    await this.kind.cancel(id, 'archive');
    const at = this.ctx.clock.now();
    await this.update(id, 'archived', (d) => ({ ...d, archived: d.archived ?? at }), { reason });
  }

  /** Arms archiving `afterMs` after the end, when the client asks for it. */
  async scheduleArchive(id: string, afterMs: number | undefined): Promise<void> {
    if (afterMs === undefined) return;
    await this.kind.at(id, 'archive', this.ctx.clock.now() + afterMs);
  }

  async expire(id: string): Promise<void> {
    const current = await this.get(id);
    if (!current || this.kind.isEnded(current)) return;
    await this.kind.cancel(id, 'stage');
    await this.update(
      id,
      'EXPIRED',
      (d) => ({ ...d, endedAt: this.ctx.clock.now() }),
      { reason: 'expiry passed' },
      'EXPIRED',
    );
  }

  /** Changes data (and optionally state), adding a timeline entry. */
  update(
    id: string,
    event: string,
    change: (data: HandshakeData, state: HandshakeState) => HandshakeData,
    detail?: Record<string, unknown>,
    state?: HandshakeState,
  ): Promise<Handshake | undefined> {
    const at = this.ctx.clock.now();
    return this.ctx.store.update<HandshakeData>(id, (s) => ({
      ...(state ? this.kind.transition(s, at, state, detail, event) : recordEvent(s, at, event, detail)),
      data: change(s.data, s.state as HandshakeState),
    }));
  }
}
