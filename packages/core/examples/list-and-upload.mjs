// Uploads local files into a pCloud folder (made if missing), then lists that folder.
// Usage: PCLOUD_ACCESS_TOKEN=… node list-and-upload.mjs /remote/folder file…
// Optional: PCLOUD_ENDPOINT (eu, us or a URL), PCLOUD_CA_FILE (a CA to trust, e.g. the emulator's).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createClient, isPCloudError, joinRemotePath, listFolder, mkdirp, normalizeRemotePath, uploadFile } from '@pcloud/core';

const [folderArg, ...files] = process.argv.slice(2);
if (folderArg === undefined || files.length === 0) {
  console.error('usage: node list-and-upload.mjs /remote/folder file…');
  process.exit(2);
}

const client = createClient({
  endpoint: process.env.PCLOUD_ENDPOINT ?? 'eu',
  accessToken: process.env.PCLOUD_ACCESS_TOKEN,
  ...(process.env.PCLOUD_CA_FILE ? { ca: readFileSync(process.env.PCLOUD_CA_FILE) } : {}),
});
try {
  const folder = normalizeRemotePath(folderArg).path;
  await mkdirp(client, folder);
  for (const file of files) {
    const { size } = await uploadFile(client, file, { path: joinRemotePath(folder, basename(file)) });
    console.log(`uploaded ${file} (${size} bytes)`);
  }
  const listing = await listFolder(client, { path: folder });
  for (const item of listing.contents) console.log(item.isfolder ? `${item.name}/` : `${item.name}\t${item.size}`);
} catch (error) {
  // error.reason names what went wrong without pCloud's numbers: not-found, auth, quota, …
  if (!isPCloudError(error)) throw error;
  console.error(`list-and-upload: ${error.message} (${error.reason})`);
  process.exitCode = 1;
} finally {
  await client.close();
}
