import { normalizeRemotePath, PCloudError } from '@pcloud/core';
import { parseMusicTypes } from '../tracks/music-types.js';

/** The music folder as an absolute pCloud path; a bad one is a usage error. */
export function musicFolderOption(value: string): string {
  try {
    return normalizeRemotePath(value.startsWith('/') ? value : `/${value}`, value).path;
  } catch (error) {
    throw new PCloudError('USAGE_ERROR', `--music-folder ${(error as Error).message}`);
  }
}

/** The music types as lower-case suffixes; an empty list is a usage error. */
export function musicTypesOption(values: readonly string[]): string[] {
  const types = parseMusicTypes(values.join(','));
  if (types === undefined) throw new PCloudError('USAGE_ERROR', '--music-types needs at least one suffix, such as .mp3');
  return types;
}
