import { createPublicKey, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { YotiApp, YotiContext } from '../schema.js';
import { authKeyOf, generateYotiKeyPair } from './key-pair.js';
import { NonceCache } from './nonce-cache.js';

/** Where an app's public key came from. */
export type KeySource = 'inline' | 'file' | 'generated' | 'ephemeral';

export interface AppKey {
  publicKey: KeyObject;
  /** base64 DER SPKI, compared with X-Yoti-Auth-Key. */
  authKey: string;
  source: KeySource;
  /** The key file (source `file`) or the kept private key (source `generated`). */
  path?: string;
  /** Only for keys kyc-sim made itself (`generated`, `ephemeral`); never for a registered public key. */
  privateKeyPem?: string;
}

/**
 * The Yoti apps of the loaded scenario and their keys, per simulator instance.
 * - `publicKey`: inline PEM or a path relative to the scenario file.
 * - `generateKey: true`: a key pair made on first start and kept in `<stateDir>/yoti/<sdkId>.pem`.
 * - neither: a key pair made when first needed, kept in memory only (handy in tests).
 * Also holds the nonce cache of the signed-request verifier, so one object serves every signed API.
 */
export class YotiAppRegistry {
  readonly nonces: NonceCache;
  /** By sdkId, with the key settings they were made for. */
  #keys = new Map<string, { spec: string; key: Promise<AppKey> }>();

  constructor(readonly ctx: YotiContext) {
    this.nonces = new NonceCache(ctx.clock, ctx.store);
  }

  list(): YotiApp[] {
    return this.ctx.section().apps;
  }

  find(sdkId: string): YotiApp | undefined {
    return this.list().find((a) => a.sdkId === sdkId);
  }

  /** The app's key, loaded or generated once per scenario load. */
  key(app: YotiApp): Promise<AppKey> {
    const spec = specOf(app);
    const known = this.#keys.get(app.sdkId);
    if (known?.spec === spec) return known.key;
    const key = this.#load(app);
    this.#keys.set(app.sdkId, { spec, key });
    key.catch(() => this.#keys.delete(app.sdkId));
    return key;
  }

  /**
   * After a scenario (re)load or reset: forget nonces and registered keys (files may have
   * changed) and load them now so a bad key fails at load. Generated and in-memory key pairs
   * of apps whose key settings did not change survive, so a downloaded key.pem stays valid.
   */
  async reload(): Promise<void> {
    for (const [sdkId, { spec }] of this.#keys) if (spec.startsWith('public:')) this.#keys.delete(sdkId);
    this.nonces.clear();
    await Promise.all(
      this.list()
        .filter((a) => a.publicKey || a.generateKey)
        .map((a) => this.key(a)),
    );
  }

  async #load(app: YotiApp): Promise<AppKey> {
    if (app.publicKey) return this.#registered(app, app.publicKey);
    if (app.generateKey) return this.#kept(app);
    const pair = await generateYotiKeyPair();
    // Replicas sharing a store share the app's key: the first one made is the one every replica uses.
    const kept =
      (await this.ctx.store.keep?.(`yoti.app-key:${app.sdkId}`, pair.privateKeyPem)) ?? pair.privateKeyPem;
    return fromPrivatePem(kept, 'ephemeral');
  }

  async #registered(app: YotiApp, value: string): Promise<AppKey> {
    const inline = value.includes('-----BEGIN');
    const path = inline ? undefined : isAbsolute(value) ? value : resolve(this.ctx.scenarioDir(), value);
    let pem = value;
    if (path) {
      try {
        pem = await readFile(path, 'utf8');
      } catch (error) {
        throw new Error(
          `Yoti app ${app.sdkId}: cannot read publicKey file ${path} (${(error as NodeJS.ErrnoException).code}); the path is relative to the scenario file`,
        );
      }
    }
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(pem);
    } catch (error) {
      throw new Error(
        `Yoti app ${app.sdkId}: publicKey is not a PEM public key (${(error as Error).message}); expected -----BEGIN PUBLIC KEY----- (kyc-sim keys writes one)`,
      );
    }
    return { publicKey, authKey: authKeyOf(publicKey), source: inline ? 'inline' : 'file', path };
  }

  /** Reads the kept private key, or makes and keeps one; safe when several simulators start at once. */
  async #kept(app: YotiApp): Promise<AppKey> {
    const path = join(this.ctx.stateDir, 'yoti', `${app.sdkId.replace(/[^\w.-]/g, '_')}.pem`);
    try {
      return fromPrivatePem(await readFile(path, 'utf8'), 'generated', path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const { privateKeyPem } = await generateYotiKeyPair();
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, privateKeyPem, { mode: 0o600 });
    try {
      await link(temp, path); // atomic: the first simulator to get here wins
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temp).catch(() => {});
    }
    this.ctx.log.info({ sdkId: app.sdkId, path }, 'generated a key pair for the Yoti app');
    return fromPrivatePem(await readFile(path, 'utf8'), 'generated', path);
  }
}

const specOf = (app: YotiApp) =>
  app.publicKey ? `public:${app.publicKey}` : app.generateKey ? 'generated' : 'ephemeral';

function fromPrivatePem(privateKeyPem: string, source: KeySource, path?: string): AppKey {
  const publicKey = createPublicKey(privateKeyPem);
  return { publicKey, authKey: authKeyOf(publicKey), source, path, privateKeyPem };
}
