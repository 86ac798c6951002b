/** Why a playlist's bytes could not be read as text. */
export type DecodeProblem = 'binary' | 'invalid-utf8';

/** A playlist's bytes turned into text, or the reason they could not be. */
export type DecodedPlaylist = { ok: true; text: string; encoding: 'utf-8' | 'latin-1' } | { ok: false; problem: DecodeProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a playlist file. `.m3u8` is UTF-8 by definition; a plain `.m3u` is UTF-8 when it
 * decodes as such and otherwise Latin-1 (the Winamp-era default), which never fails.
 * Content with NUL bytes or mostly control characters is reported as binary, not guessed at.
 */
export function decodePlaylist(bytes: Uint8Array, fileName: string): DecodedPlaylist {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (looksBinary(body)) return { ok: false, problem: 'binary' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (fileName.toLowerCase().endsWith('.m3u8') || hasUtf8Bom(bytes)) return { ok: false, problem: 'invalid-utf8' };
    // WHATWG's "latin1" is windows-1252: Latin-1 plus the curly quotes and dashes Windows players wrote.
    return { ok: true, text: new TextDecoder('latin1').decode(body), encoding: 'latin-1' };
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

// Text playlists hold no NUL and almost no C0 controls besides tab, CR and LF; a UTF-16 file
// (full of NULs) lands here too, which is right: we do not guess wide encodings.
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}
