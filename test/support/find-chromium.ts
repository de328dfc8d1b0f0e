import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/** Which Chromium the browser tests drive, and the environment it needs. */
export interface ChromiumChoice {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
  env?: Record<string, string>;
}

/** Where distributions and vendors put Chromium or Chrome. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * CHROMIUM_PATH when set, else the first system Chromium found, else the headless Chromium that
 * `npm ci` brings with @sparticuz/chromium (KYC_SIM_BUNDLED_CHROMIUM=1 forces that one).
 */
export async function findChromium(): Promise<ChromiumChoice> {
  const { CHROMIUM_PATH, KYC_SIM_BUNDLED_CHROMIUM } = process.env;
  if (CHROMIUM_PATH) return { executablePath: CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system =
    KYC_SIM_BUNDLED_CHROMIUM === '1' ? undefined : SYSTEM_CHROMIUM_PATHS.find((p) => existsSync(p));
  return system ? { executablePath: system, source: 'system' } : bundledChromium();
}

/**
 * @sparticuz/chromium unpacks its headless Chromium (and fonts) into the temporary folder on first
 * use (a few seconds, then cached). The NSS, NSPR and expat libraries it links against come in its
 * al2023 archive, unpacked beside it and put on LD_LIBRARY_PATH for Chromium alone, so a machine
 * without a system Chromium need not have them.
 */
export async function bundledChromium(): Promise<ChromiumChoice> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const binDir = join(
    dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')),
    '..',
    '..',
    'bin',
  );
  const libsDir = join(tmpdir(), 'kyc-sim-chromium-libs');
  if (!existsSync(join(libsDir, 'lib', 'libnss3.so'))) {
    mkdirSync(libsDir, { recursive: true });
    const archive = brotliDecompressSync(readFileSync(join(binDir, 'al2023.tar.br')));
    execFileSync('tar', ['-x', '-C', libsDir], { input: archive });
  }
  const env: Record<string, string> = { LD_LIBRARY_PATH: join(libsDir, 'lib') };
  const fonts = join(tmpdir(), 'fonts');
  if (existsSync(join(fonts, 'fonts.conf'))) env.FONTCONFIG_PATH = fonts;
  return { executablePath, source: 'bundled', env };
}
