import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Loaded with `node --import` into a server under bench/profile-run: the first SIGUSR2 starts the
 * CPU profiler, the second writes the profile to KYC_SIM_PROFILE_OUT, so start-up and warm-up stay
 * out of it (unlike `--cpu-prof`, which profiles the whole process).
 */
const out = process.env.KYC_SIM_PROFILE_OUT ?? 'server.cpuprofile';
const session = new Session();
session.connect();
let profiling = false;
process.on('SIGUSR2', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 250 }, () => session.post('Profiler.start')),
    );
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    writeFileSync(out, JSON.stringify(result.profile));
    profiling = false;
  });
});
