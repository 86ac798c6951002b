/**
 * rclone's glob rules translated onto picomatch. rclone turns a glob into a regular expression:
 * `*` is `[^/]*`, `**` is `.*` (any characters, `/` included, possibly none), a leading `/` anchors
 * at the root of the transfer, otherwise the glob must match a whole tail of the path. picomatch
 * reads `**` as "zero or more whole segments" instead, so each `**` becomes the two picomatch
 * patterns that together mean `.*`: `*` (no `/` crossed) and `*\/**\/*` (one `/` or more), and an
 * unanchored glob gets picomatch's `**\/` in front. A brace group holding a `**` is expanded first,
 * so every `**` is translated where it stands.
 */
import picomatch from 'picomatch';
import { GlobSyntaxError, scanGlob } from './glob-syntax.js';

/** Tells whether a path (relative, `/`-separated, no leading or trailing slash) matches. */
export type PathMatcher = (path: string) => boolean;

const NEVER: PathMatcher = () => false;

// Enough for a few `**` and a brace group or two; more is almost surely a mistake, and each costs a regex.
const MAX_VARIANTS = 64;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  nonegate: true,
  noextglob: true,
  posix: true,
  strictBrackets: true,
  windows: false,
  // rclone has no ranges: `{1..3}` is the text "1..3".
  // picomatch passes its options after the range's ends.
  expandRange: (...values: unknown[]) =>
    `(${values
      .filter((value): value is string => typeof value === 'string')
      .map(escapeRegex)
      .join('\\.\\.')})`,
};

/** picomatch patterns that together match what the rclone glob `body` (no leading `/`) matches as a whole path. */
function translate(body: string, budget = { left: MAX_VARIANTS }): string[] {
  const pieces = scanGlob(body);
  const group = pieces.findIndex((piece) => piece.kind === 'braces' && piece.raw.includes('**'));
  if (group >= 0) {
    const piece = pieces[group] as Extract<(typeof pieces)[number], { kind: 'braces' }>;
    const before = pieces
      .slice(0, group)
      .map((p) => p.raw)
      .join('');
    const after = pieces
      .slice(group + 1)
      .map((p) => p.raw)
      .join('');
    return piece.alternatives.flatMap((alternative) => translate(before + alternative + after, budget));
  }
  let variants = [''];
  for (const piece of pieces) {
    if (piece.kind === 'text') variants = variants.map((variant) => variant + piece.text);
    else if (piece.kind === 'braces') {
      const inner = piece.alternatives.map((alternative) => translate(alternative, budget)[0] ?? '');
      variants = variants.map((variant) => `${variant}{${inner.join(',')}}`);
    } else variants = variants.flatMap((variant) => [`${variant}*`, `${variant}*/**/*`]);
  }
  budget.left -= variants.length;
  if (budget.left < 0) throw new GlobSyntaxError(`too many ** and {…} combinations (at most ${MAX_VARIANTS})`);
  return variants;
}

function compile(patterns: string[]): PathMatcher {
  try {
    return picomatch(patterns, OPTIONS);
  } catch (error) {
    throw new GlobSyntaxError(error instanceof Error ? error.message : String(error));
  }
}

/** Whether a file's path matches the rclone glob, as rclone matches file names. Throws GlobSyntaxError. */
export function fileMatcher(glob: string): PathMatcher {
  const anchored = glob.startsWith('/');
  const body = anchored ? glob.slice(1) : glob;
  if (body === '') throw new GlobSyntaxError('an empty pattern matches nothing');
  return compile(translate(body).map((pattern) => (anchored ? pattern : `**/${pattern}`)));
}

/**
 * Whether a folder's path matches the rclone glob as a folder rule: rclone matches folders as
 * `path/`, so only a glob ending in `/` (the folder itself) or in `**` (which also takes the
 * trailing `/`: `dir/**` matches `dir` and everything below it) can match one.
 */
export function folderMatcher(glob: string): PathMatcher {
  if (glob.endsWith('/')) {
    const inner = glob.slice(0, -1);
    return inner === '' || inner === '/' ? NEVER : fileMatcher(inner);
  }
  if (glob.endsWith('/**') && glob !== '/**') {
    const itself = fileMatcher(glob.slice(0, -3));
    const below = fileMatcher(glob);
    return (path) => itself(path) || below(path);
  }
  if (glob.endsWith('**')) return fileMatcher(glob);
  return NEVER;
}
