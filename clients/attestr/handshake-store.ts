/**
 * Step 3: the handshake id is stored server side, to fetch the result later and to know which of
 * the app's users it belongs to. A real app keeps this in its database; this one is in memory.
 */
export interface StoredHandshake {
  id: string;
  tag: string;
  createdAt: number;
  verified?: boolean;
}

export class HandshakeStore {
  #byId = new Map<string, StoredHandshake>();

  save(handshake: StoredHandshake): void {
    this.#byId.set(handshake.id, handshake);
  }

  get(id: string): StoredHandshake | undefined {
    return this.#byId.get(id);
  }

  /** Oldest first. */
  list(): StoredHandshake[] {
    return [...this.#byId.values()];
  }

  markVerified(id: string): void {
    const found = this.#byId.get(id);
    if (found) found.verified = true;
  }
}
