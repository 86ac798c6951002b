/**
 * Everything the emulator knows, composed from one store per concern. Front ends and method
 * handlers reach all state through this object.
 */
import { IdentityStore } from './identity-store.js';

export interface EmulatorStateOptions {
  /** 1 = US, 2 = EU (default). */
  locationid?: 1 | 2;
}

/** The emulator's whole state. Each store is owned by one file under `state/`. */
export class EmulatorState {
  readonly locationid: 1 | 2;
  readonly identity: IdentityStore;

  constructor(options: EmulatorStateOptions = {}) {
    this.locationid = options.locationid ?? 2;
    this.identity = new IdentityStore({ locationid: this.locationid });
  }
}
