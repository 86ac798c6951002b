/** `getapiserver`, `currentserver`, `getip` (pcloud-api.md §1.5): no auth, about the emulator itself. */
import type { MethodSpec } from '../api/types.js';

const hostOnly = (hostPort: string): string => hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

/** `getapiserver`: the emulator's own API host (binary clients reach the same host). */
export const getapiserver: MethodSpec = {
  name: 'getapiserver',
  auth: 'none',
  handler: (ctx) => ({ body: { binapi: [ctx.state.apiHost], api: [ctx.state.apiHost] } }),
};

/** `currentserver`: the host that answered. */
export const currentserver: MethodSpec = {
  name: 'currentserver',
  auth: 'none',
  handler(ctx) {
    const ip = hostOnly(ctx.state.apiHost);
    return { body: { hostname: ctx.state.apiHost, ip, ipbin: ip, ipv6: '::1' } };
  },
};

/** `getip`: the caller's address; the country of a loopback address is unknown (`false`). */
export const getip: MethodSpec = {
  name: 'getip',
  auth: 'none',
  handler: (ctx) => ({ body: { ip: ctx.connection.remoteAddress.replace(/^::ffff:/, ''), country: false } }),
};
