/** Test helper: bytes from a hex dump with any whitespace, as the spec prints them. */
export function hex(dump: string): Buffer {
  return Buffer.from(dump.replace(/\s+/g, ''), 'hex');
}
