/** Where a run over playlists reports: results, problems, and `-v` detail. */
export interface SyncReporter {
  out(line: string): void;
  err(line: string): void;
  verbose(line: string): void;
}
