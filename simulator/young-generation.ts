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

/** True when whoever started Node chose the young generation's size (`--max-semi-space-size`…). */
const sizedByUser = () =>
  [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) =>
    /^--(max|min)[-_]semi[-_]space[-_]size|^--semi[-_]space[-_]growth[-_]factor/.test(flag),
  );

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
