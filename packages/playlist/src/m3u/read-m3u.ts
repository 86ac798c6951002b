import { ParseStream } from 'm3u8-parser';

/** One track line of a playlist: the entry exactly as written, and its 1-based line number. */
export interface M3uEntry {
  line: number;
  entry: string;
}

/** A line the reader refused, with its 1-based line number. */
export interface M3uLineProblem {
  line: number;
  message: string;
}

/** The tracks of a playlist in file order, and the lines that could not be used. */
export interface M3uContent {
  entries: M3uEntry[];
  problems: M3uLineProblem[];
}

/** Longer lines are not paths anyone wrote; pCloud paths stay far below this. */
export const MAX_LINE_LENGTH = 8192;

/**
 * Calls `visit` with each line of a text (LF, CRLF and old Mac CR), one at a time: a file of
 * millions of empty lines never becomes an array of millions of strings, nor a match object each.
 */
function forEachLine(text: string, visit: (line: string) => void): void {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char !== 0x0a && char !== 0x0d) continue;
    visit(text.slice(start, i));
    if (char === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  visit(text.slice(start));
}

/**
 * Reads the track entries of an M3U/M3U8 text. Lines are split here (LF, CRLF and old Mac CR)
 * and fed one by one to m3u8-parser's ParseStream, which classifies them; its higher-level
 * Parser is not used because it drops simple M3U (no #EXTINF), loses line numbers and
 * mangles `-1` durations and attribute blocks in titles, none of which we need.
 */
export function readM3u(text: string): M3uContent {
  const entries: M3uEntry[] = [];
  const problems: M3uLineProblem[] = [];
  const stream = new ParseStream();
  let lineNumber = 0;
  stream.on('data', (event) => {
    if (event.type === 'uri') entries.push({ line: lineNumber, entry: event.uri });
  });
  forEachLine(text.replace(/^\uFEFF/, ''), (line) => {
    lineNumber += 1;
    if (line.length > MAX_LINE_LENGTH) {
      problems.push({ line: lineNumber, message: `line is too long (${line.length} characters)` });
      return;
    }
    stream.push(line);
  });
  return { entries, problems };
}
