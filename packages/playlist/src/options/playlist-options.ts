import type { OptionArgs, OptionSpecs } from '@pcloud/core/cli';
import { DEFAULT_MUSIC_TYPES } from '../tracks/music-types.js';

/**
 * The tool's own options, as the original's. The persistent ones are read from and saved (`-s`)
 * to the config's `"playlist"` section; the one-shot ones never are. Only data: `--help` loads it,
 * their checks (option-values.ts) load when the tool runs.
 */
export const PLAYLIST_OPTIONS = {
  'cache-file': { type: 'string', describe: 'keep the music index in this JSON file and reuse it' },
  'create-cache': { type: 'boolean', oneShot: true, describe: 'list the music folder again and rewrite the cache file' },
  dir: { type: 'string', describe: 'folder where playlist files given without a folder are looked up' },
  list: { type: 'boolean', oneShot: true, describe: 'print the existing pCloud playlists, sorted, and do nothing else' },
  'music-folder': { type: 'string', default: '/Music', describe: 'pCloud folder that mirrors the local music tree' },
  'music-types': { type: 'list', default: [...DEFAULT_MUSIC_TYPES], describe: 'file suffixes that count as music' },
  prefix: { type: 'string', describe: "local root of the music tree, removed from the tracks' paths" },
  'chunk-size': { type: 'integer', default: 100, min: 1, max: 300, describe: 'file ids sent per pCloud call (1-300)' },
  'skip-missing': { type: 'boolean', oneShot: true, describe: 'write playlists with the tracks found, even when some are missing' },
} as const satisfies OptionSpecs;

/** The tool's own options, typed as its handler receives them. */
export type PlaylistArgs = OptionArgs<typeof PLAYLIST_OPTIONS>;
