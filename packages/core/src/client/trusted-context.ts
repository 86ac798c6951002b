/**
 * The TLS trust of a client as one prebuilt secure context: the system roots plus the
 * configured CA. Handing agents a `secureContext` instead of a `ca` list matters for speed:
 * Node's https.Agent writes every `ca` certificate into the pool key it computes on each
 * request (about 200 KB of string per call with the system roots), and `tls.connect` builds
 * a fresh context from the list for every new connection.
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

/** The secure context trusting the system roots and `ca`, or undefined when no CA is configured. */
export function trustedContext(ca: string | Buffer | Array<string | Buffer> | undefined): SecureContext | undefined {
  if (ca === undefined) return undefined;
  return createSecureContext({ ca: [...rootCertificates, ...[ca].flat()] });
}
