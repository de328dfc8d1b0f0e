import { z } from 'zod';
import { builtOnFirstUse } from './lazy-schema.js';

/**
 * Fault injection, declared in scenarios or added at run time. Each fault is tagged data; the
 * injector keeps only counters. Paths are globs where `*` matches one path segment and `**` any
 * number of them. The schema is built when a scenario or an admin call first declares a fault
 * (engine/lazy-schema.ts).
 */
export const faultSchema = builtOnFirstUse(faultUnion);

function faultUnion() {
  const match = z
    .object({
      method: z
        .string()
        .transform((m) => m.toUpperCase())
        .optional()
        .describe('HTTP method; any when absent'),
      path: z
        .string()
        .startsWith('/')
        .describe('path glob on the simulator, e.g. /yoti/api/v1.1/qrcodes/refs/*'),
    })
    .strict();

  return z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('latency'),
        match,
        ms: z.number().int().nonnegative().describe('delay added before the answer'),
        times: z.number().int().positive().optional().describe('only the first N matching requests'),
      })
      .strict(),
    z
      .object({
        type: z.literal('error'),
        match,
        status: z.number().int().min(400).max(599),
        code: z.string().optional().describe("the provider's error code; a fitting default when absent"),
        message: z.string().optional(),
        times: z.number().int().positive().optional().describe('only the first N matching requests'),
      })
      .strict(),
    z
      .object({
        type: z.literal('ws-close'),
        match,
        afterMessage: z
          .string()
          .optional()
          .describe('close right after the first outgoing frame containing this text (e.g. ACCEPTED)'),
        afterMessages: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('close after this many outgoing frames'),
        closeCode: z
          .number()
          .int()
          .optional()
          .describe('send a close frame with this code; absent = drop the connection abruptly (1006)'),
        times: z.number().int().positive().optional(),
      })
      .strict()
      .refine((f) => f.afterMessage !== undefined || f.afterMessages !== undefined, {
        message: 'ws-close needs afterMessage or afterMessages',
      }),
  ]);
}

export type Fault = z.output<typeof faultSchema>;
export type ErrorFault = Extract<Fault, { type: 'error' }>;
export type SocketFault = Extract<Fault, { type: 'ws-close' }>;

export interface RequestFaults {
  latencyMs: number;
  error?: ErrorFault;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

interface ArmedFault {
  fault: Fault;
  pattern: RegExp;
  used: number;
}

export class FaultInjector {
  #faults: ArmedFault[] = [];

  load(faults: readonly Fault[]): void {
    this.#faults = faults.map((fault) => ({ fault, pattern: globToRegExp(fault.match.path), used: 0 }));
  }

  add(fault: Fault): void {
    this.#faults.push({ fault, pattern: globToRegExp(fault.match.path), used: 0 });
  }

  list(): { fault: Fault; used: number }[] {
    return this.#faults.map(({ fault, used }) => ({ fault, used }));
  }

  get isEmpty(): boolean {
    return this.#faults.length === 0;
  }

  /** The faults for one HTTP request; each consumed fault counts against its `times`. */
  forRequest(method: string, path: string): RequestFaults {
    const result: RequestFaults = { latencyMs: 0 };
    for (const armed of this.#faults) {
      const { fault } = armed;
      if (fault.type === 'ws-close' || !this.#matches(armed, method, path)) continue;
      if (fault.type === 'latency') {
        armed.used++;
        result.latencyMs += fault.ms;
      } else if (!result.error) {
        armed.used++;
        result.error = fault;
      }
    }
    return result;
  }

  /** The close fault, if any, for a websocket opened on `path`. */
  forSocket(path: string): SocketFault | undefined {
    for (const armed of this.#faults) {
      if (armed.fault.type !== 'ws-close' || !this.#matches(armed, 'GET', path)) continue;
      armed.used++;
      return armed.fault;
    }
    return undefined;
  }

  #matches(armed: ArmedFault, method: string, path: string): boolean {
    const { fault } = armed;
    if (fault.times !== undefined && armed.used >= fault.times) return false;
    if (fault.match.method && fault.match.method !== method) return false;
    return armed.pattern.test(path);
  }
}
