// The plain Node baseline of the big-file rows: an HTTPS server process (baseline-server.mjs) and
// one client process per transfer (baseline-client.mjs), timed and checked like pcutil and rclone.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { atExit } from './exit-cleanup.mjs';
import { checkedRun } from './measure-process.mjs';

const script = (name) => fileURLToPath(new URL(name, import.meta.url));

/**
 * @param {{ work: string }} bench
 * @param {string} source the file the server sends on GET and the client sends on PUT
 */
export async function startBaseline({ work }, source) {
  const server = spawn(process.execPath, [script('baseline-server.mjs'), source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const forget = atExit(() => server.kill('SIGKILL'));
  const line = await Promise.race([once(createInterface({ input: server.stdout }), 'line'), once(server, 'exit').then(() => [])]);
  if (line[0] === undefined) {
    forget();
    throw new Error('the baseline server did not start');
  }
  const { url, ca } = JSON.parse(line[0]);
  const caFile = join(work, 'baseline-ca.pem');
  await writeFile(caFile, ca);
  const options = { env: { PATH: process.env.PATH ?? '' }, cwd: work };
  const client = (direction, file, check) =>
    checkedRun(process.execPath, [script('baseline-client.mjs'), direction, url, file, caFile], options, check);
  return {
    up: () => client('up', source),
    down: (target, check) => client('down', target, check),
    close: async () => {
      server.kill('SIGTERM');
      await once(server, 'exit');
      forget();
    },
  };
}
