import { PCloudError } from '@pcloud/core';
import type { PlaylistArgs } from './playlist-options.js';

/** What a run does: print the existing playlists, (re)build the music cache alone, or write playlists. */
export type PlaylistMode = 'list' | 'cache' | 'sync';

/** The run's mode from its arguments; a combination that makes no sense is a usage error. */
export function checkUsage(args: PlaylistArgs & { playlists: readonly string[] }, json: boolean): PlaylistMode {
  const files = args.playlists;
  if (json && !args.list) throw new PCloudError('USAGE_ERROR', '--json goes with --list');
  if (args.list) {
    if (files.length > 0) throw new PCloudError('USAGE_ERROR', '--list prints the existing playlists and takes no playlist files');
    return 'list';
  }
  if (args['create-cache'] && args['cache-file'] === undefined) throw new PCloudError('USAGE_ERROR', '--create-cache needs --cache-file');
  if (files.length === 0 && !args['create-cache']) {
    throw new PCloudError('USAGE_ERROR', 'give playlist files, --list, or --create-cache with --cache-file');
  }
  return files.length === 0 ? 'cache' : 'sync';
}
