import { hostname, networkInterfaces } from 'node:os';

/** How many distinct Host headers' answers are remembered. */
const SEEN_HOSTS = 64;

/**
 * Which names a request's Host header may carry. A web page can point its own domain at
 * 127.0.0.1 (DNS rebinding) and then talk to the simulator as "same origin"; its requests still
 * name the attacker's domain in Host, so only names we know to be ours are answered.
 */
export class AllowedHosts {
  readonly #names = new Set<string>();
  readonly #seen = new Map<string, boolean>();
  #any = false;

  constructor(boundHost: string, extra: readonly string[] = []) {
    for (const name of ['localhost', '127.0.0.1', '::1', boundHost]) this.#names.add(normalize(name));
    if (isWildcard(boundHost)) {
      // Bound to every interface: the machine's own addresses and name are ours too.
      this.#names.add(normalize(hostname()));
      for (const addresses of Object.values(networkInterfaces()))
        for (const { address } of addresses ?? []) this.#names.add(normalize(address));
    }
    for (const name of extra) {
      if (name === '*') this.#any = true;
      else this.#names.add(normalize(name));
    }
  }

  /** True for a Host header (with or without port) naming this simulator; absent Host is no browser's. */
  allows(hostHeader: string | undefined): boolean {
    if (this.#any || hostHeader === undefined) return true;
    // Asked on every request with the same few headers: remember the answers, a bounded number.
    let allowed = this.#seen.get(hostHeader);
    if (allowed === undefined) {
      const name = normalize(stripPort(hostHeader));
      allowed = this.#names.has(name) || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name);
      if (this.#seen.size >= SEEN_HOSTS) this.#seen.clear();
      this.#seen.set(hostHeader, allowed);
    }
    return allowed;
  }

  /** The sentence a refused request gets. */
  refusal(hostHeader: string): string {
    return `kyc-sim does not answer for Host "${hostHeader}" (DNS rebinding protection); start it with --allowed-host ${stripPort(hostHeader)} if that name is yours`;
  }
}

export const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

/** Loopback: only this machine can connect. */
export const isLoopback = (host: string) => {
  const name = normalize(host);
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
};

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  // Two colons or more: a bare IPv6 address, no port.
  return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.slice(0, colon) : host;
}

function normalize(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}
