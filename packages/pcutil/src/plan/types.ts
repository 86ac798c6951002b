/**
 * The vocabulary of pcutil's plans: where things are (locations), what is there (entries), and
 * what to do about it (steps). Planners are pure functions over these types, so the plan a
 * dry run prints is exactly the plan a real run executes.
 */

/** Which side of a copy a location is on: this machine, pCloud, or standard input/output (`-`). */
export type Side = 'local' | 'remote' | 'stdio';

/** A normalized location: an absolute local path, an absolute pCloud path (`/a/b`), or `-`. */
export interface Loc {
  side: Side;
  path: string;
}

/** A file as a listing or a local walk describes it. */
export interface FileEntry {
  kind: 'file';
  name: string;
  /** Bytes; undefined when unknown in advance (standard input). */
  size: number | undefined;
  /** Modification time, Unix seconds. */
  mtime: number | undefined;
  /** pCloud file id, for remote files. */
  id?: number;
  /** pCloud's content hash, for remote files: a server-side copy must come out with the same one. */
  hash?: bigint;
}

/** A folder; `children` is filled when the folder was listed (recursively for -r). */
export interface FolderEntry {
  kind: 'folder';
  name: string;
  children: Entry[] | undefined;
  /** pCloud folder id, for remote folders. */
  id?: number;
}

/** Something a walk met but cannot copy: a special file, a symlink loop, an unreadable folder. */
export interface ProblemEntry {
  kind: 'problem';
  name: string;
  message: string;
  /** A warning skips the item with a `warning:` line and is counted; an error counts as a failure (exit status 1). */
  severity: 'warning' | 'error';
  /** A symbolic link to a folder that was not descended into (no -L); the summary counts these. */
  linkNotFollowed?: true;
}

/** One item of a tree. */
export type Entry = FileEntry | FolderEntry | ProblemEntry;

/** Create a local directory (`mkdir X`) or a pCloud folder (`mkfolder p:/X`). */
export interface MkdirStep {
  op: 'mkdir';
  at: Loc;
}

/** Why sync copies a file: it is new, or its size, modification time or checksum differs. */
export type CopyReason = 'new' | 'size' | 'time' | 'checksum';

/** Copy one file: upload, download, server-side copy, or to/from standard streams. */
export interface CopyStep {
  op: 'copy';
  from: Loc;
  to: Loc;
  source: FileEntry;
  /** The file already at the destination, which this copy replaces. */
  existing: FileEntry | undefined;
  /** Why it is copied, when sync compared it with the destination (cp copies without asking). */
  reason?: CopyReason;
}

/** Leave a destination file alone (-n: it exists; -u: same size and checksum; sync: unchanged). */
export interface SkipStep {
  op: 'skip';
  from: Loc;
  to: Loc;
  reason: 'exists' | 'same' | 'unchanged';
}

/** Something that cannot be done, reported on its own line while the rest proceeds. */
export interface ProblemStep {
  op: 'problem';
  at: Loc;
  message: string;
  severity: 'warning' | 'error';
  /** See ProblemEntry.linkNotFollowed. */
  linkNotFollowed?: true;
}

/** Leave out an item the filters (--exclude, --max-age, …) do not take: counted, shown with -v, never touched. */
export interface FilteredStep {
  op: 'filtered';
  /** Where the item is, on the side it would be taken from. */
  at: Loc;
  what: 'file' | 'folder';
}

/** Delete a file or an empty folder (`rm PATH`), or a whole tree (`rm -r PATH`): on pCloud, or on this disk for sync. */
export interface RemoveStep {
  op: 'rm';
  at: Loc;
  what: 'file' | 'folder' | 'tree';
  id: number | undefined;
  /** Files and folders it removes, the folder itself and its contents included, when a listing told (sync's --max-delete counts them). */
  items?: number;
}

/** One step of a copy plan. */
export type CopyPlanStep = MkdirStep | CopyStep | SkipStep | ProblemStep | FilteredStep;

/** One step of a remove plan. */
export type RemovePlanStep = RemoveStep | ProblemStep | FilteredStep;

/** Options of `pcutil cp` that change the plan. */
export interface CopyOptions {
  recursive: boolean;
  /** -n: never replace an existing destination file. */
  noClobber: boolean;
  /** -u: replace only when size or checksum differ (checksums are compared after planning). */
  update: boolean;
  /** -L: descend into symbolic links to folders inside a local source tree. */
  followLinks?: boolean;
}
