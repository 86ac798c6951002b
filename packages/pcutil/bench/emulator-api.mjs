// The bench's own small HTTPS client of the emulator, for setup (seeding the files to download) and
// for checking what an upload left on the server. Deliberately not @pcloud/core: a defect shared by
// the client under test and its checker would pass unseen.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:https';

/**
 * @param {{ apiUrl: string, token: string, caFile: string }} emulator
 */
export async function createEmulatorApi({ apiUrl, token, caFile }) {
  const agent = new Agent({ ca: await readFile(caFile, 'utf8'), keepAlive: true, maxSockets: 32 });

  /** One call; `body` (a Buffer or a file path with its size) goes as a raw PUT. Rejects unless result 0. */
  function call(method, params = {}, body) {
    const url = new URL(`/${method}`, apiUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    return new Promise((resolve, reject) => {
      const headers = { authorization: `Bearer ${token}` };
      if (body) headers['content-length'] = Buffer.isBuffer(body) ? body.length : body.size;
      const req = request(url, { method: body ? 'PUT' : 'GET', agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (answer.result === 0) resolve(answer);
          else reject(new Error(`${method} ${params.path ?? ''}: result ${answer.result} ${answer.error ?? ''}`.trim()));
        });
      });
      req.on('error', reject);
      if (!body) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else createReadStream(body.path).on('error', reject).pipe(req);
    });
  }

  /** Runs `task` over `items`, `limit` at a time (the latency emulator answers each call late). */
  async function eachLimited(items, limit, task) {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  }

  /** Every file under `path`, by path relative to it: size and fileid. */
  async function listFiles(path) {
    const { metadata } = await call('listfolder', { path, recursive: 1 });
    const files = new Map();
    const walk = (folder, prefix) => {
      for (const item of folder.contents ?? []) {
        if (item.isfolder) walk(item, `${prefix}${item.name}/`);
        else files.set(`${prefix}${item.name}`, { size: item.size, fileid: item.fileid });
      }
    };
    walk(metadata, '');
    return files;
  }

  return {
    call,
    listFiles,
    /** The sha1 and size the server holds for `path`. */
    async checksum(path) {
      const answer = await call('checksumfile', { path });
      return { sha1: answer.sha1, size: answer.metadata.size };
    },
    /** sha1 of every file under `path`, by relative path (32 calls in flight). */
    async treeSha1s(path) {
      const files = await listFiles(path);
      const sums = new Map();
      await eachLimited([...files], 32, async ([name, { fileid }]) => {
        sums.set(name, (await call('checksumfile', { fileid })).sha1);
      });
      return sums;
    },
    /** Uploads local files (`[relative path, Buffer]`) below `path`, folders created first. */
    async seedTree(path, entries) {
      const folders = new Set(entries.map(([name]) => name.split('/').slice(0, -1).join('/')).filter(Boolean));
      await call('createfolderifnotexists', { path });
      for (const folder of [...folders].sort()) await call('createfolderifnotexists', { path: `${path}/${folder}` });
      await eachLimited(entries, 32, async ([name, content]) => {
        const parts = name.split('/');
        await call('uploadfile', { path: [path, ...parts.slice(0, -1)].join('/'), filename: parts.at(-1), nopartial: 1 }, content);
      });
    },
    /** Uploads one local file (streamed) as `folder/name`. */
    seedFile: (folder, name, file) => call('uploadfile', { path: folder, filename: name, nopartial: 1 }, file),
    deleteFolder: (path) => call('deletefolderrecursive', { path }),
    deleteFile: (path) => call('deletefile', { path }),
    close: () => agent.destroy(),
  };
}
