/**
 * Reads an rclone glob (docs: rclone.org/filtering, "Pattern syntax") into its top-level pieces,
 * rewritten into picomatch's syntax where the two differ, and refuses what rclone would refuse
 * (unbalanced brackets or braces, three stars in a row) or what we do not support (`{{regexp}}`).
 * This is a reader, not a matcher: picomatch does the matching (glob-matcher.ts).
 */

/** One top-level piece of a glob. */
export type GlobPiece =
  /** `**`: any characters, `/` included (rclone's meaning, not picomatch's whole-segment one). */
  | { kind: 'globstar'; raw: string }
  /** `{a,b}`: alternatives, each still in rclone's syntax. */
  | { kind: 'braces'; raw: string; alternatives: string[] }
  /** Anything else, already in picomatch's syntax. */
  | { kind: 'text'; raw: string; text: string };

/** A glob rclone or we refuse; the message says why in a few words. */
export class GlobSyntaxError extends Error {}

// rclone reads these literally; picomatch would read them as regex groups.
const LITERAL_IN_RCLONE = new Set(['(', ')', '|']);

/** The index just past the bracket expression that opens at `start` (`[...]`, `[!...]`, `[[:alpha:]]`). */
function bracketEnd(glob: string, start: number): number {
  let index = start + 1;
  if (glob[index] === '!' || glob[index] === '^') index += 1;
  // A `]` right after the opening is a member, as in POSIX and picomatch.
  if (glob[index] === ']') index += 1;
  while (index < glob.length) {
    const char = glob[index];
    if (char === '\\') index += 2;
    else if (char === '[' && glob[index + 1] === ':') {
      const close = glob.indexOf(':]', index + 2);
      index = close === -1 ? index + 1 : close + 2;
    } else if (char === ']') return index + 1;
    else index += 1;
  }
  throw new GlobSyntaxError('a [ without its ]');
}

/** The index just past the brace group that opens at `start`, and its top-level alternatives. */
function braceGroup(glob: string, start: number): { end: number; alternatives: string[] } {
  const alternatives: string[] = [];
  let depth = 0;
  let from = start + 1;
  let index = start;
  while (index < glob.length) {
    const char = glob[index];
    if (char === '\\') index += 2;
    else if (char === '[') index = bracketEnd(glob, index);
    else {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      if (depth === 1 && char === ',') {
        alternatives.push(glob.slice(from, index));
        from = index + 1;
      }
      index += 1;
      if (depth === 0) {
        alternatives.push(glob.slice(from, index - 1));
        return { end: index, alternatives };
      }
    }
  }
  throw new GlobSyntaxError('a { without its }');
}

/** The pieces of `glob` (a leading `/` already taken off by the caller). */
export function scanGlob(glob: string): GlobPiece[] {
  const pieces: GlobPiece[] = [];
  const text = (raw: string, rewritten = raw): void => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', raw: last.raw + raw, text: last.text + rewritten };
    else pieces.push({ kind: 'text', raw, text: rewritten });
  };
  let index = 0;
  while (index < glob.length) {
    const char = glob[index] as string;
    if (char === '\\') {
      if (index + 1 >= glob.length) throw new GlobSyntaxError('ends with a lone \\');
      text(glob.slice(index, index + 2));
      index += 2;
    } else if (char === '[') {
      const end = bracketEnd(glob, index);
      text(glob.slice(index, end));
      index = end;
    } else if (char === ']') {
      throw new GlobSyntaxError('a ] without its [');
    } else if (char === '{') {
      if (glob[index + 1] === '{') throw new GlobSyntaxError('regular expressions ({{...}}) are not supported; use glob patterns');
      const { end, alternatives } = braceGroup(glob, index);
      pieces.push({ kind: 'braces', raw: glob.slice(index, end), alternatives });
      index = end;
    } else if (char === '}') {
      throw new GlobSyntaxError('a } without its {');
    } else if (char === '*') {
      let end = index;
      while (glob[end] === '*') end += 1;
      if (end - index > 2) throw new GlobSyntaxError('too many stars in a row (* or ** only)');
      if (end - index === 2) pieces.push({ kind: 'globstar', raw: '**' });
      else text('*');
      index = end;
    } else {
      text(char, LITERAL_IN_RCLONE.has(char) ? `\\${char}` : char);
      index += 1;
    }
  }
  return pieces;
}
