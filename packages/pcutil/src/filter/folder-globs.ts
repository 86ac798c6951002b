/**
 * The folders an include rule may need a walk to enter, as rclone works them out (its
 * `globToDirGlobs`): for `/a/b/*.jpg` the folders `/a/b/` and `/a/`, so that with `--include
 * /a/b/*.jpg` a walk skips every other folder. Unlike rclone, an unanchored glob (`a/b/*.jpg`
 * matches `x/a/b/1.jpg` too) lets the walk enter every folder: rclone's `a/b/` and `a/` would keep
 * it out of `x`, and a skipped folder must never hide a file the rules select.
 */

// rclone's own limits: `/` or `**` inside braces, regexps, nested braces.
const TOO_HARD = /(\{[^{}]*(\*\*|\/)[^{}]*\})|\{\{|\}\}|\{[^{}]*\{/;

const EVERY_FOLDER = '/**';

/** Folder globs (ending in `/`, or `/**` for every folder) a walk must let through for files matching `glob`; none when only the root holds them. */
export function folderGlobsOf(glob: string): string[] {
  if (!glob.startsWith('/') || TOO_HARD.test(glob)) return [EVERY_FOLDER];
  const out: string[] = [];
  let rest = glob.replace(/\/{2,}/g, '/');
  for (;;) {
    let cut = rest.lastIndexOf('/');
    const star = rest.lastIndexOf('**');
    let what = '';
    if (star > cut) {
      cut = star;
      what = '**';
    }
    if (cut < 0) break;
    rest = rest.slice(0, cut);
    const folderGlob = `${rest}${what}/`;
    if (out[out.length - 1] !== folderGlob) out.push(folderGlob);
  }
  // The root is always walked; rclone drops its "/" the same way (`/*.jpg` needs no folder at all).
  return out.filter((folderGlob) => folderGlob !== '/');
}
