import { PCloudError } from '../errors.js';

/** The error every codec function throws on malformed or unencodable input (code `PROTOCOL_ERROR`). */
export function protocolError(message: string): PCloudError {
  return new PCloudError('PROTOCOL_ERROR', `binary protocol: ${message}`);
}
