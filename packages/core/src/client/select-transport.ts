/**
 * Picks the transport for a client. Built-in transports register here by name; the binary
 * protocol transport plugs in beside HTTP with one entry.
 */
import { PCloudError } from '../errors.js';
import { createHttpTransport } from './http-transport.js';
import type { TransportKind } from './client-options.js';
import type { Transport, TransportFactory, TransportSettings } from './transport.js';

const FACTORIES: Partial<Record<TransportKind, TransportFactory>> = {
  http: createHttpTransport,
  binary: lazyBinaryTransport,
};

/** The binary transport, loaded with its first call: most runs speak HTTP and never need its code. */
function lazyBinaryTransport(settings: TransportSettings): Transport {
  let made: Promise<Transport> | undefined;
  const ready = (): Promise<Transport> =>
    (made ??= import('../binary/binary-transport.js').then((module) => module.createBinaryTransport(settings)));
  return {
    kind: 'binary',
    call: async (method, params, options) => (await ready()).call(method, params, options),
    close: async () => {
      if (made !== undefined) await (await made).close();
    },
  };
}

/** The transport for a `transport` option: a name, a factory, or a ready transport. */
export function selectTransport(choice: TransportKind | Transport | TransportFactory | undefined, settings: TransportSettings): Transport {
  if (typeof choice === 'function') return choice(settings);
  if (typeof choice === 'object') return choice;
  const factory = FACTORIES[choice ?? 'http'];
  if (!factory) throw new PCloudError('USAGE_ERROR', `The ${String(choice)} transport is not available in this build.`);
  return factory(settings);
}
