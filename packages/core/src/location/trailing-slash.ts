/**
 * rsync's trailing slash, tested in this one place for every path the toolkit reads (pCloud
 * locations here in core, local paths in pcutil): a path that ends in `/`, or whose last
 * component is `.` or `..`, names a folder by where it is rather than by a name of its own.
 * Only whole components count: `x.`, `..x` and `.bashrc` are names. What it means is the
 * command's to decide (for `pcutil cp`: a SOURCE's contents, a DEST that must be a folder).
 */
export function hasTrailingSlash(path: string): boolean {
  return path.endsWith('/') || /(^|\/)\.\.?$/.test(path);
}
