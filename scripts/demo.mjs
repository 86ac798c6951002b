// The demo: what a user sees, end to end, against the embedded pCloud emulator.
// Starts an emulator (HTTPS with a throwaway CA, data in a temporary folder), logs in through the
// OAuth flow with a scripted browser clicking Allow, copies a sample tree up and back down and
// compares it, converts a playlist (on a second emulator in legacy mode, since pCloud refuses
// playlists to OAuth tokens since 2026), lists tokens, shows who is logged in, and shuts down.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEMO_APP } from '@pcloud/emulator';

const root = fileURLToPath(new URL('..', import.meta.url));
const bins = {
  'pcloud-emulator': join(root, 'packages/emulator/bin/pcloud-emulator.js'),
  pcutil: join(root, 'packages/pcutil/bin/pcutil.js'),
  'pcloud-playlist': join(root, 'packages/playlist/bin/pcloud-playlist.js'),
  'pcloud-token': join(root, 'packages/token/bin/pcloud-token.js'),
};
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const started = Date.now();

/** Starts `pcloud-emulator ARGS --json` and resolves with its start-up line and the process. */
async function startEmulator(args) {
  const child = spawn(process.execPath, [bins['pcloud-emulator'], ...args, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`pcloud-emulator exited with ${code} before it was ready`);
    }),
  ]);
  return { info: JSON.parse(line), child };
}

/** Runs one tool as a user would type it, printing the command and its output, indented. */
async function show(bin, args, { env = {}, quietArgs = 0 } = {}) {
  const shown = [bin, ...args.slice(quietArgs)].map((a) => (/[\s&]/.test(a) ? `'${a}'` : a)).join(' ');
  console.log(`\n${bold(`$ ${shown}`)}`);
  const child = spawn(process.execPath, [bins[bin], ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const print = (chunk) => {
    output += chunk;
  };
  child.stdout.on('data', print);
  child.stderr.on('data', print);
  const [code] = await once(child, 'exit');
  for (const line of output.trimEnd().split('\n')) if (line) console.log(`  ${line}`);
  if (code !== 0) throw new Error(`${bin} exited with ${code}`);
  return output;
}

/** Every file below `dir`, relative, with its bytes. */
async function snapshot(dir) {
  const files = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path));
  }
  return files;
}

async function writeSampleTree(dir) {
  const files = {
    'README.txt': 'A sample tree for the pCloud toolkit demo.\n',
    'notes/2026/January.md': '# January\n- started the pCloud toolkit\n',
    'notes/2026/Février & März.md': '# UTF-8 names and & work both ways\n',
    'notes/empty.txt': '',
    'photos/holiday 1.jpg': Buffer.alloc(256 * 1024, 7),
    'photos/holiday 2.jpg': Buffer.alloc(512 * 1024, 9),
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

const work = await mkdtemp(join(tmpdir(), 'pcloud-demo-'));
const emulators = [];
try {
  console.log(bold('pCloud toolkit demo') + dim(`  (scratch folder ${work})`));

  // 1. A local pCloud, as pCloud behaves in 2026: HTTPS, OAuth tokens only.
  const caFile = join(work, 'emulator-ca.pem');
  const main = await startEmulator(['--tls', '--data-dir', join(work, 'pcloud-data'), '--ca-out', caFile]);
  emulators.push(main.child);
  console.log(`\nEmulator up: API ${main.info.apiUrl}, downloads ${main.info.downloadHost}, binary port ${main.info.binaryPort}`);

  // 2. The user's config: where pCloud is, the app to log in with, and the emulator's CA.
  const config = join(work, 'pcloud.json');
  await writeFile(
    config,
    JSON.stringify(
      { endpoint: main.info.apiUrl, 'ca-file': caFile, 'client-id': DEMO_APP.clientId, 'client-secret': DEMO_APP.clientSecret },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  const f = ['-f', config];
  const browser = { BROWSER: join(root, 'scripts/demo-browser.mjs'), DEMO_CA_FILE: caFile };

  // 3. Log in through the OAuth pages; the scripted browser clicks Allow.
  await show('pcloud-token', [...f, 'login'], { env: browser, quietArgs: 2 });
  await show('pcloud-token', [...f, 'whoami'], { quietArgs: 2 });

  // 4. Up, look, down, compare.
  const sample = join(work, 'sample');
  await writeSampleTree(sample);
  // A trailing / copies a folder's contents; without it, cp -r puts the folder itself inside DEST.
  await show('pcutil', [...f, 'cp', '-r', `${sample}/`, 'p:/Demo'], { quietArgs: 2 });
  await show('pcutil', [...f, 'ls', '-l', '-R', 'p:/Demo'], { quietArgs: 2 });
  const back = join(work, 'restored');
  await show('pcutil', [...f, 'cp', '-r', 'p:/Demo/', back], { quietArgs: 2 });
  const [before, after] = [await snapshot(sample), await snapshot(back)];
  const same = before.size === after.size && [...before].every(([name, bytes]) => after.get(name)?.equals(bytes));
  console.log(`\n${bold(same ? `✔ restored tree is identical: ${before.size} files` : '✘ restored tree differs')}`);
  if (!same) throw new Error('the restored tree differs from the original');

  // 5. Playlists and the token table need a legacy session: pCloud refuses them to OAuth since 2026.
  console.log(
    `\n${bold('Note:')} playlists and the token list run on a second emulator in legacy mode: since April 2026 pCloud refuses them to OAuth tokens, so on pCloud they work only with a legacy auth token.`,
  );
  const legacy = await startEmulator(['--legacy', '--data-dir', join(work, 'legacy-data')]);
  emulators.push(legacy.child);
  const legacyConfig = join(work, 'legacy.json');
  await writeFile(legacyConfig, JSON.stringify({ endpoint: legacy.info.apiUrl, access_token: legacy.info.token }), { mode: 0o600 });
  const lf = ['-f', legacyConfig];
  const music = join(work, 'Music');
  for (const track of [
    'Miles Davis/Kind of Blue/01 So What.mp3',
    'Miles Davis/Kind of Blue/02 Freddie Freeloader.mp3',
    'Nina Simone/Pastel Blues/01 Be My Husband.mp3',
  ]) {
    await mkdir(join(music, track, '..'), { recursive: true });
    await writeFile(join(music, track), `ID3 ${track}`);
  }
  await show('pcutil', [...lf, 'cp', '-r', `${music}/`, 'p:/Music'], { quietArgs: 2 });
  const playlist = join(music, 'Evening Jazz.m3u');
  await writeFile(
    playlist,
    `#EXTM3U\n#EXTINF:-1,So What\n${music}/Miles Davis/Kind of Blue/01 So What.mp3\nNina Simone/Pastel Blues/01 Be My Husband.mp3\n`,
  );
  await show('pcloud-playlist', [...lf, '--prefix', music, playlist], { quietArgs: 2 });
  await show('pcloud-playlist', [...lf, '--list', '-v'], { quietArgs: 2 });
  await show('pcloud-token', [...lf, 'list'], { quietArgs: 2 });

  console.log(`\n${bold('Done')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  for (const child of emulators) child.kill('SIGINT');
  await Promise.all(emulators.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
  await rm(work, { recursive: true, force: true });
}
