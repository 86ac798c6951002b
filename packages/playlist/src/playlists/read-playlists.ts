import { readPlaylistFile, type PlaylistFile } from './read-playlist-file.js';

/** The playlists of a run that could be read, and whether any file had to be left out. */
export interface ReadPlaylists {
  files: PlaylistFile[];
  failed: boolean;
}

/**
 * Reads every playlist file of a run, reporting each one that cannot be used in one line and
 * going on with the others. Two files that would make the same pCloud playlist (`a/Mix.m3u`,
 * `b/Mix.m3u8`) would overwrite each other, so the second one is left out.
 */
export async function readPlaylists(
  paths: readonly string[],
  options: { cwd: string; dir?: string | undefined },
  report: (line: string) => void,
): Promise<ReadPlaylists> {
  const files: PlaylistFile[] = [];
  let failed = false;
  for (const path of paths) {
    const read = await readPlaylistFile(path, options);
    if (!('entries' in read)) {
      report(`${read.shownPath}: ${read.message}`);
      failed = true;
      continue;
    }
    const sameName = files.find((other) => other.name === read.name);
    if (sameName) {
      report(`${read.shownPath}: skipped: ${sameName.shownPath} already makes the playlist ${JSON.stringify(read.name)}`);
      failed = true;
      continue;
    }
    files.push(read);
  }
  return { files, failed };
}
