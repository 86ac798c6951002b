/** Content type, category and icon of a file, from its extension (pcloud-api.md §2.1). */

/** What a file extension says about the content. */
export interface ContentKind {
  contenttype: string;
  /** 0 uncategorized, 1 image, 2 video, 3 audio, 4 document, 5 archive. */
  category: 0 | 1 | 2 | 3 | 4 | 5;
  icon: string;
}

const TABLE: Record<string, ContentKind> = {};
const add = (exts: string, contenttype: string, category: ContentKind['category'], icon: string): void => {
  for (const ext of exts.split(' ')) TABLE[ext] = { contenttype, category, icon };
};
add('jpg jpeg', 'image/jpeg', 1, 'image');
add('png', 'image/png', 1, 'image');
add('gif', 'image/gif', 1, 'image');
add('webp', 'image/webp', 1, 'image');
add('mp4 m4v', 'video/mp4', 2, 'video');
add('mkv', 'video/x-matroska', 2, 'video');
add('mov', 'video/quicktime', 2, 'video');
add('avi', 'video/x-msvideo', 2, 'video');
add('mp3', 'audio/mpeg', 3, 'audio');
add('m4a alac', 'audio/mp4', 3, 'audio');
add('flac', 'audio/flac', 3, 'audio');
add('ogg', 'audio/ogg', 3, 'audio');
add('wav', 'audio/wav', 3, 'audio');
add('txt log md', 'text/plain', 4, 'document');
add('m3u m3u8', 'audio/x-mpegurl', 4, 'document');
add('pdf', 'application/pdf', 4, 'document');
add('doc docx odt rtf', 'application/msword', 4, 'document');
add('xls xlsx ods csv', 'application/vnd.ms-excel', 4, 'spreadsheet');
add('ppt pptx odp', 'application/vnd.ms-powerpoint', 4, 'presentation');
add('html htm', 'text/html', 4, 'web');
add('json', 'application/json', 4, 'document');
add('zip', 'application/zip', 5, 'archive');
add('gz tgz', 'application/gzip', 5, 'archive');
add('tar', 'application/x-tar', 5, 'archive');
add('7z', 'application/x-7z-compressed', 5, 'archive');
add('iso', 'application/x-iso9660-image', 0, 'diskimage');
add('exe', 'application/x-msdownload', 0, 'executable');

const DEFAULT: ContentKind = { contenttype: 'application/octet-stream', category: 0, icon: 'file' };

/** Looks up a file name's content kind; unknown extensions are `application/octet-stream`. */
export function contentKindOf(name: string): ContentKind {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return DEFAULT;
  return TABLE[name.slice(dot + 1).toLowerCase()] ?? DEFAULT;
}
