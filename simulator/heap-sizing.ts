import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * The most V8's new space (both semi-spaces) may grow to in the `kyc-sim` process. Left alone it
 * doubles up to 32 MiB under load and stays there; kyc-sim's start-up already takes it to 16 MiB.
 * Holding it there keeps 16 MiB of resident memory off a simulator that has served a load, at no
 * CPU per request measurable in the bench's interleaved runs (README, Performance).
 */
export const NEW_SPACE_CAP_MB = 16;

const newSpaceMb = () =>
  (v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 ** 20;

/** True when whoever started Node gave a flag `pattern` matches (on the command line or NODE_OPTIONS). */
const chosenByUser = (pattern: RegExp) =>
  [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => pattern.test(flag));

/** True when whoever started Node chose the young generation's size (`--max-semi-space-size`…). */
const sizedByUser = () =>
  chosenByUser(/^--(max|min)[-_]semi[-_]space[-_]size|^--semi[-_]space[-_]growth[-_]factor/);

/**
 * Stops the new space growing once it reaches `capMb`. Its size is fixed when V8 starts, but how
 * it grows (V8's --semi-space-growth-factor, read at each growth) is not: set to 1 once the cap is
 * reached, so no further growth. Nothing is done when the user sized it on the command line.
 */
export function capYoungGeneration(capMb = NEW_SPACE_CAP_MB): void {
  if (sizedByUser()) return;
  const stopGrowing = () => v8.setFlagsFromString('--semi-space-growth-factor=1');
  if (newSpaceMb() >= capMb) {
    stopGrowing();
    return;
  }
  // Growth happens in a garbage collection: look after each until the cap is reached.
  const observer = new PerformanceObserver(() => {
    if (newSpaceMb() < capMb) return;
    stopGrowing();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}

/**
 * How far V8 lets the old generation grow past what a full collection left live before the next
 * one, in percent. V8 picks 10-300% by itself, and for a heap of kyc-sim's size it picks near the
 * top: under a load, the journal's and sessions' promoted copies pile up as garbage to three times
 * what is live. 50% keeps the resident memory after a share load near what is live, for a few
 * more full collections, each small (kyc-sim keeps at most 5,000 journal entries and, once
 * sessions end, 1,000 of them).
 */
export const OLD_GENERATION_GROWTH_PERCENT = 50;

/** Sets V8's heap growing factor (read at each full collection), unless the user gave one. */
export function limitOldGenerationGrowth(percent = OLD_GENERATION_GROWTH_PERCENT): void {
  if (chosenByUser(/^--heap[-_]growing[-_]percent/)) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
