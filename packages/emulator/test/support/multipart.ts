/** Builds multipart/form-data bodies by hand, so tests control every byte (names, empty parts, truncation). */

/** One part: a field (`value`) or a file (`filename` + `content`). */
export type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer | string };

/** Encodes parts; returns the body and its Content-Type. */
export function multipart(parts: Part[], boundary = `----e1test${Date.now()}`): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      'filename' in part
        ? `form-data; name="${part.name}"; filename="${part.filename.replace(/"/g, '%22')}"\r\nContent-Type: application/octet-stream`
        : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'utf8'));
    chunks.push(Buffer.from('filename' in part ? part.content : part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
