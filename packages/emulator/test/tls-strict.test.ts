/**
 * The throwaway CA and leaf pass strict X.509 checks: `openssl verify -x509_strict` always (it is
 * part of the machine's Debian base; a missing openssl fails the test with a clear message), and
 * a real TLS handshake from every Python ≥ 3.12 found here with VERIFY_X509_STRICT on (3.13's
 * default context sets it; 3.12 is told to), against a running emulator.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { startEmulator } from './support/emulator-fixture.js';

interface RunResult {
  status: number | null;
  output: string;
  missing: boolean;
}

/** Runs a command with empty stdin; asynchronous, because the emulator it talks to runs in this process. */
function run(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ status: null, output: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (status) => resolve({ status, output: output.trim(), missing: false }));
  });
}

/** Python interpreters of version 3.12 or later on PATH or under pyenv, one per version. */
async function modernPythons(): Promise<string[]> {
  const pyenv = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions');
  const candidates = ['python3', 'python3.13', 'python3.12', 'python3.14'];
  if (existsSync(pyenv)) for (const version of readdirSync(pyenv)) candidates.push(join(pyenv, version, 'bin', 'python3'));
  const byVersion = new Map<string, string>();
  for (const candidate of candidates) {
    const probe = await run(candidate, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']);
    const version = /^3\.(\d+)$/.exec(probe.output);
    if (probe.status === 0 && version && Number(version[1]) >= 12 && !byVersion.has(probe.output)) byVersion.set(probe.output, candidate);
  }
  return [...byVersion.values()];
}

const PYTHON_CLIENT = `
import json, ssl, sys, urllib.request
context = ssl.create_default_context(cafile=sys.argv[1])
context.verify_flags |= ssl.VERIFY_X509_STRICT
with urllib.request.urlopen(sys.argv[2], context=context) as answer:
    print(json.load(answer)["result"])
`;

describe('the --tls certificates under strict verification', () => {
  let emu: Emulator;
  let dir: string;
  let caFile: string;
  let certFile: string;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    dir = mkdtempSync(join(tmpdir(), 'emulator-tls-strict-'));
    caFile = join(dir, 'ca.pem');
    certFile = join(dir, 'leaf.pem');
    writeFileSync(caFile, emu.ca!);
    // The emulator serves its leaf; read it back from a handshake so the served one is checked.
    const served = await run('openssl', ['s_client', '-connect', new URL(emu.apiUrl).host, '-showcerts', '-CAfile', caFile]);
    writeFileSync(certFile, /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(served.output)?.[0] ?? '');
  });
  afterAll(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('openssl verify -x509_strict accepts the served leaf for localhost, 127.0.0.1 and ::1', async () => {
    const checks = [
      ['-verify_hostname', 'localhost'],
      ['-verify_ip', '127.0.0.1'],
      ['-verify_ip', '::1'],
    ];
    for (const check of checks) {
      const verdict = await run('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', ...check, '-CAfile', caFile, certFile]);
      if (verdict.missing) throw new Error('openssl is not on PATH: this check needs it (Debian: apt-get install openssl)');
      expect(verdict.output).toBe(`${certFile}: OK`);
      expect(verdict.status).toBe(0);
    }
  });

  test('every Python >= 3.12 present completes a strict handshake with the emulator', async () => {
    // Where no such Python is installed, the openssl verdict is what this test checks.
    expect((await run('openssl', ['verify', '-x509_strict', '-CAfile', caFile, certFile])).status).toBe(0);
    const answers = await Promise.all(
      (await modernPythons()).map((python) => run(python, ['-c', PYTHON_CLIENT, caFile, `${emu.apiUrl}/getip`])),
    );
    for (const answer of answers) expect(answer).toMatchObject({ status: 0, output: '0' });
  });
});
