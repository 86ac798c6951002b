// Mirrors a pCloud folder into a local one, downloading only files that are new or changed
// (size or modification time differ); the tree is walked as its listings arrive.
// Usage: PCLOUD_ACCESS_TOKEN=… node walk-and-download.mjs /remote/folder ./local-folder
// Optional: PCLOUD_ENDPOINT (eu, us or a URL), PCLOUD_CA_FILE (a CA to trust, e.g. the emulator's).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createClient, downloadFile, isPCloudError, parsePCloudDate, walk } from '@pcloud/core';

const [remote, localArg] = process.argv.slice(2);
if (remote === undefined || localArg === undefined) {
  console.error('usage: node walk-and-download.mjs /remote/folder ./local-folder');
  process.exit(2);
}

/** The local path of an entry; walk's paths are `/`-separated names, none of them `.`, `..` or empty. */
function localPathOf(root, entryPath) {
  const path = join(root, ...entryPath.split('/'));
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || resolve(root, inside) !== path)
    throw new Error(`refusing the name ${JSON.stringify(entryPath)}`);
  return path;
}

function unchanged(path, file) {
  try {
    const local = statSync(path);
    return local.size === file.size && Math.trunc(local.mtimeMs / 1000) === parsePCloudDate(file.modified);
  } catch {
    return false;
  }
}

const root = resolve(localArg);
const client = createClient({
  endpoint: process.env.PCLOUD_ENDPOINT ?? 'eu',
  accessToken: process.env.PCLOUD_ACCESS_TOKEN,
  ...(process.env.PCLOUD_CA_FILE ? { ca: readFileSync(process.env.PCLOUD_CA_FILE) } : {}),
});
let downloaded = 0;
let kept = 0;
try {
  mkdirSync(root, { recursive: true });
  for await (const entry of walk(client, remote)) {
    const path = localPathOf(root, entry.path);
    if (entry.item.isfolder) mkdirSync(path, { recursive: true });
    else if (unchanged(path, entry.item)) kept++;
    else {
      await downloadFile(client, { fileid: entry.item.fileid }, path);
      console.log(`downloaded ${entry.path}`);
      downloaded++;
    }
  }
  console.log(`${downloaded} downloaded, ${kept} unchanged`);
} catch (error) {
  if (!isPCloudError(error)) throw error;
  console.error(`walk-and-download: ${error.message} (${error.reason})`);
  process.exitCode = 1;
} finally {
  await client.close();
}
