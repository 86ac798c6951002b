/** The original's default `--music-types`. */
export const DEFAULT_MUSIC_TYPES = ['.mp3', '.m4a', '.flac', '.alac'] as const;

/**
 * Parses a `--music-types` list (`.mp3,.flac` or `mp3, FLAC`) into lower-case suffixes with a
 * leading dot; undefined when it names no type at all.
 */
export function parseMusicTypes(value: string): string[] | undefined {
  const types = value
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '' && type !== '.')
    .map((type) => (type.startsWith('.') ? type : `.${type}`));
  return types.length === 0 ? undefined : [...new Set(types)];
}

/** Whether a file name ends in one of the music types, ignoring letter case. */
export function isMusicFile(name: string, musicTypes: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return musicTypes.some((type) => lower.endsWith(type) && lower.length > type.length);
}
