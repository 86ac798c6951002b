/**
 * Plain HTTP sends the Bearer token (or a legacy `auth`, or a login's code and client secret) in
 * clear. It is for a server on this machine, such as a local emulator; any other host must be
 * reached over HTTPS unless the user explicitly accepts the risk.
 */
import { PCloudError } from '../errors.js';

/** Whether a URL's hostname is this machine: `localhost`, 127.0.0.0/8 or `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Throws a USAGE_ERROR for an `http:` endpoint off this machine, unless `insecureHttp` allows it. */
export function refusePlainHttp(endpoint: URL, insecureHttp: boolean | undefined): void {
  if (endpoint.protocol !== 'http:' || insecureHttp === true || isLoopbackHost(endpoint.hostname)) return;
  throw new PCloudError(
    'USAGE_ERROR',
    `refusing plain http://${endpoint.host}: the token would cross the network unencrypted; use https://, or --insecure-http ("insecure-http": true in the config) to send it anyway`,
  );
}
