import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSingleTool, runTestTool, runWith, sandbox } from './support/test-tool.js';

interface Shown {
  args: Record<string, unknown>;
  dryRun: boolean;
  json: boolean;
  options: Record<string, unknown>;
}

function writeConfig(file: string, content: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
}

async function show(argv: string[], env: Record<string, string>): Promise<Shown> {
  const result = await runWith(runTestTool, ['show', ...argv], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Shown;
}

describe('translateArgv', () => {
  it("rewrites a tool's older spelling before the command line is parsed", async () => {
    const { env } = sandbox();
    const result = await runWith(runTestTool, ['--show', '--dir', '/old'], { env });
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Shown).args).toMatchObject({ dir: '/old' });
  });
});

describe('precedence: command line > environment > config > defaults', () => {
  it('uses the defaults with an empty config', async () => {
    const { env } = sandbox();
    const { options, args } = await show([], env);
    expect(options).toMatchObject({ endpoint: 'https://eapi.pcloud.com', timeout: 2, verbose: false, transport: 'http', binaryPort: 8399 });
    expect(args).toEqual({ 'chunk-size': 100, types: ['.mp3'], list: false, paths: [] });
  });

  it('takes the config over the defaults, the environment over the config, the command line over both', async () => {
    const box = sandbox();
    writeConfig(box.configFile, {
      endpoint: 'https://api.pcloud.com',
      timeout: 3,
      verbose: true,
      username: 'cfg@example.com',
      transport: 'binary',
      'binary-api-port': 9399,
      pctest: { dir: '/FromConfig', 'chunk-size': 7, types: '.flac, .ogg', list: true },
    });
    const fromConfig = await show([], box.env);
    expect(fromConfig.options).toMatchObject({
      endpoint: 'https://api.pcloud.com',
      timeout: 3,
      verbose: true,
      username: 'cfg@example.com',
      transport: 'binary',
      binaryPort: 9399,
    });
    // A one-shot flag is never read from the config.
    expect(fromConfig.args).toMatchObject({ dir: '/FromConfig', 'chunk-size': 7, types: ['.flac', '.ogg'], list: false });

    const fromEnv = await show([], { ...box.env, PCLOUD_ENDPOINT: 'http://127.0.0.1:9' });
    expect(fromEnv.options).toMatchObject({ endpoint: 'http://127.0.0.1:9', explicitEndpoint: true });

    const fromCli = await show(
      [
        '-e',
        'eu',
        '-t',
        '9',
        '--no-verbose',
        '-u',
        'cli@example.com',
        '--transport',
        'http',
        '--dir',
        '/Cli',
        '--chunk-size',
        '300',
        '--types',
        '.wav',
      ],
      { ...box.env, PCLOUD_ENDPOINT: 'http://127.0.0.1:9' },
    );
    expect(fromCli.options).toMatchObject({
      endpoint: 'https://eapi.pcloud.com',
      timeout: 9,
      verbose: false,
      username: 'cli@example.com',
      transport: 'http',
    });
    expect(fromCli.args).toMatchObject({ dir: '/Cli', 'chunk-size': 300, types: ['.wav'] });
  });

  it('finds the config through -f, then PCLOUD_CONFIG', async () => {
    const box = sandbox();
    const viaEnv = join(box.home, 'env.json');
    const viaFlag = join(box.home, 'flag.json');
    writeConfig(viaEnv, { timeout: 4 });
    writeConfig(viaFlag, { timeout: 5 });
    expect((await show([], { ...box.env, PCLOUD_CONFIG: viaEnv })).options.timeout).toBe(4);
    expect((await show(['-f', viaFlag], { ...box.env, PCLOUD_CONFIG: viaEnv })).options.timeout).toBe(5);
    expect(existsSync(box.configFile)).toBe(false);
  });

  it('creates a missing config file with the defaults', async () => {
    const box = sandbox();
    await show([], box.env);
    expect(JSON.parse(readFileSync(box.configFile, 'utf8'))).toMatchObject({ endpoint: 'https://eapi.pcloud.com', timeout: 2 });
  });
});

describe('-s saves exactly the options given', () => {
  it('saves common options at the top and the tool’s own in its section, not one-shot flags', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { username: 'keep@example.com', other: { x: 1 }, pctest: { mode: 'slow' } });
    const result = await runWith(
      runTestTool,
      ['-s', '-e', 'us', '-t', '7', 'show', '--dir', '/m', '--list', '-d', '--json', '--chunk-size', '50'],
      {
        env: box.env,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`saved endpoint, timeout, pctest.dir, pctest.chunk-size to ${box.configFile}\n`);
    expect(JSON.parse(readFileSync(box.configFile, 'utf8'))).toEqual({
      username: 'keep@example.com',
      other: { x: 1 },
      endpoint: 'https://api.pcloud.com',
      timeout: 7,
      pctest: { mode: 'slow', dir: '/m', 'chunk-size': 50 },
    });
  });

  it('saves a single-command tool’s options into its declared section', async () => {
    const box = sandbox();
    const result = await runWith(runSingleTool, ['-s', '-v', '--prefix', '/Music', '--list', 'a.m3u'], { env: box.env });
    expect(result.code).toBe(0);
    const saved = JSON.parse(readFileSync(box.configFile, 'utf8'));
    expect(saved.single).toEqual({ prefix: '/Music' });
    expect(saved.verbose).toBe(true);
    expect(saved.list).toBeUndefined();
  });

  it('always remembers -u, as the original tools do', async () => {
    const box = sandbox();
    await show(['-u', 'ann@example.com'], box.env);
    expect(JSON.parse(readFileSync(box.configFile, 'utf8')).username).toBe('ann@example.com');
    expect((await show([], box.env)).options.username).toBe('ann@example.com');
  });

  it('leaves the config file as it was when the command given -u fails', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { timeout: 4 });
    const before = readFileSync(box.configFile);
    const result = await runWith(runTestTool, ['-u', 'ann@example.com', 'fail'], { env: box.env });
    expect(result.code).toBe(1);
    expect(readFileSync(box.configFile)).toEqual(before);
  });

  it('says so when there is nothing to save', async () => {
    const box = sandbox();
    const result = await runWith(runTestTool, ['-s', 'show'], { env: box.env });
    expect(result.stderr).toBe('nothing to save: -s saves the options given with it\n');
  });
});

describe('short flags before and after the command', () => {
  it('reads -r before the command as --reauth and after it as the command’s own', async () => {
    const box = sandbox();
    const before = await runWith(runTestTool, ['-r', 'cp', 'a', 'b'], { env: box.env });
    expect(JSON.parse(before.stdout)).toMatchObject({ reauth: true, recursive: false });
    const after = await runWith(runTestTool, ['cp', '-r', 'a', 'b'], { env: box.env });
    expect(JSON.parse(after.stdout)).toMatchObject({ reauth: false, recursive: true });
    const cluster = await runWith(runTestTool, ['-vt5', 'cp', '-v', '--', '-a', '-b'], { env: box.env });
    expect(JSON.parse(cluster.stdout)).toEqual({
      recursive: false,
      'no-clobber': false,
      source: '-a',
      dest: '-b',
      reauth: false,
      verbose: true,
      timeout: 5,
    });
  });

  it('reads an option named no-… as itself, not as the negation of another', async () => {
    const box = sandbox();
    expect(JSON.parse((await runWith(runTestTool, ['cp', '--no-clobber', 'a', 'b'], { env: box.env })).stdout)).toMatchObject({
      'no-clobber': true,
    });
    expect(JSON.parse((await runWith(runTestTool, ['cp', '-n', 'a', 'b'], { env: box.env })).stdout)).toMatchObject({ 'no-clobber': true });
    expect(JSON.parse((await runWith(runTestTool, ['cp', 'a', 'b'], { env: box.env })).stdout)).toMatchObject({ 'no-clobber': false });
  });

  it('keeps a lone - as a positional (standard input/output)', async () => {
    expect(JSON.parse((await runWith(runTestTool, ['cp', '-', 'p:/x'], { env: sandbox().env })).stdout)).toMatchObject({
      source: '-',
      dest: 'p:/x',
    });
  });

  it('keeps every value of a repeatable option in order, commas and leading dashes included', async () => {
    const { args } = await show(['--pattern', '*.{jpg,png}', '--pattern=- *.bak', '--pattern', '- /a/**', '--pattern', '!'], sandbox().env);
    expect(args.pattern).toEqual(['*.{jpg,png}', '- *.bak', '- /a/**', '!']);
  });

  it('keeps names that look like numbers as text', async () => {
    const result = await runWith(runTestTool, ['cp', '0123', '1e3'], { env: sandbox().env });
    expect(JSON.parse(result.stdout)).toMatchObject({ source: '0123', dest: '1e3' });
  });
});

describe('usage errors: one line, a pointer to --help, exit 2', () => {
  it.each([
    [['-t', '0', 'show'], 'pctest: -t/--timeout must be a positive whole number of seconds (got "0")', 'pctest show'],
    [['-t', 'abc', 'show'], 'pctest: -t/--timeout must be a positive whole number of seconds (got "abc")', 'pctest show'],
    [['show', '-t', '1.5'], 'pctest: -t/--timeout must be a positive whole number of seconds (got "1.5")', 'pctest show'],
    [['show', '--chunk-size', '0'], 'pctest: --chunk-size must be an integer from 1 to 300 (got "0")', 'pctest show'],
    [['show', '--mode', 'turbo'], 'pctest: Invalid values: Argument: mode, Given: "turbo", Choices: "fast", "slow"', 'pctest show'],
    [['show', '--bogus'], 'pctest: Unknown argument: bogus', 'pctest show'],
    [['show', '--dir'], 'pctest: Not enough arguments following: dir', 'pctest show'],
    [['-e', 'ftp://x', 'show'], "pctest: Invalid endpoint 'ftp://x'", 'pctest show'],
    [['cp', 'a'], 'pctest: missing arguments: usage is cp <source> <dest>', 'pctest cp'],
    [['mv', 'a'], 'pctest: Unknown commands: mv, a', 'pctest'],
    // yargs takes the command as the unknown option's value; the option is what was wrong.
    [['--bogus', 'cp', 'a', 'b'], 'pctest: Unknown argument: bogus', 'pctest'],
    [['-q', 'show', 'x'], 'pctest: Unknown argument: q', 'pctest'],
    [['cp', 'a', 'b', 'c'], 'pctest: unexpected argument c: usage is cp <source> <dest>', 'pctest cp'],
    [[], 'pctest: no command given (show, cp, fail, bug, whoami, where, key)', 'pctest'],
  ])('%j', async (argv, first, helpCommand) => {
    const result = await runWith(runTestTool, argv, { env: sandbox().env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.startsWith(first)).toBe(true);
    expect(lines[1]).toBe(`Try '${helpCommand} --help' for more information.`);
  });
});

describe('help and version', () => {
  it('teaches the tool with its commands, common options and examples on stdout', async () => {
    const result = await runWith(runTestTool, ['--help'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('pctest [common options] <command> [options]');
    expect(result.stdout).toContain('A tool that exists to test the CLI plumbing.');
    expect(result.stdout).toContain('pctest cp <source> <dest>');
    expect(result.stdout).toMatch(/-r, --reauth +log in again/);
    expect(result.stdout).toMatch(/pctest -v show +show the options, verbosely/);
    expect(result.stdout).toContain('PCLOUD_ACCESS_TOKEN');
  });

  it('shows a command’s own options first and gives up a clashing short form', async () => {
    const result = await runWith(runTestTool, ['cp', '--help'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/-r, --recursive +copy folders/);
    expect(result.stdout).toMatch(/\n {6}--reauth +log in again/);
    expect(result.stdout.indexOf('--recursive')).toBeLessThan(result.stdout.indexOf('Common options:'));
    const single = await runWith(runSingleTool, ['-h'], { env: sandbox().env });
    expect(single.stdout).toMatch(/pcsingle -p \/x a\.m3u +sync a\.m3u/);
    expect(single.stdout.match(/sync a\.m3u/g)).toHaveLength(1);
  });

  it('prints the version it was given', async () => {
    expect(await runWith(runTestTool, ['--version'], { env: sandbox().env })).toEqual({ code: 0, stdout: '1.2.3\n', stderr: '' });
    expect((await runWith(runSingleTool, ['--version'], { env: sandbox().env })).stdout).toBe('0.9.0\n');
  });
});

describe('private app folders', () => {
  it('tells where an app-folder path is in the account, for the config’s token only', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { 'app-folder': '/Applications/My App' });
    const run = (spec: string) => runWith(runTestTool, ['where', spec], { env: box.env });
    expect((await run('p:/Backup/')).stdout).toBe('p:/Backup/ (/Applications/My App/Backup in your account)\n');
    expect((await run('p:/')).stdout).toBe('p:/ (/Applications/My App in your account)\n');
    expect((await run('pcloud://eapi.pcloud.com/x?authid=OtherAppToken123')).stdout).toBe('pcloud://eapi.pcloud.com/x\n');
    expect((await runWith(runTestTool, ['where', 'p:/x'], { env: sandbox().env })).stdout).toBe('p:/x\n');
  });
});

describe('tokens on the command line', () => {
  const warning = (what: string, instead: string): string =>
    `pctest: warning: a token given with ${what} on the command line can be read by other users in the process list; ${instead}\n`;
  const env = (): Record<string, string> => ({ ...sandbox().env, PCLOUD_ACCESS_TOKEN: 'TokenFromTheEnvironment123' });

  it('warns once when a secret option has a value, not when it is read from standard input', async () => {
    const given = await runWith(runTestTool, ['key', '--key', 'KeyOnTheCommandLine123', 'pcloud://eapi.pcloud.com/a'], { env: env() });
    expect(given).toEqual({
      code: 0,
      stdout: 'a key, 1 client(s)\n',
      stderr: warning('--key', 'use --key - (standard input) or PCLOUD_ACCESS_TOKEN instead'),
    });
    const piped = await runWith(runTestTool, ['key', '--key', '-', 'pcloud://eapi.pcloud.com/a'], {
      env: env(),
      stdin: 'KeyOnStandardInput123\n',
    });
    expect(piped).toEqual({ code: 0, stdout: 'a key, 1 client(s)\n', stderr: '' });
  });

  it('warns once for pcloud:// locations carrying authid=, however many there are', async () => {
    const args = ['key', 'pcloud://eapi.pcloud.com/a?authid=FirstToken123', 'pcloud+http://127.0.0.1:1/b?AUTHID=SecondToken123'];
    const result = await runWith(runTestTool, args, { env: env() });
    expect(result).toEqual({
      code: 0,
      stdout: 'no key, 2 client(s)\n',
      stderr: warning('authid=', 'put it in PCLOUD_ACCESS_TOKEN and leave authid= out'),
    });
    const plain = await runWith(runTestTool, ['key', 'pcloud://eapi.pcloud.com/a', 'p:/authid=x'], { env: env() });
    expect(plain).toEqual({ code: 0, stdout: 'no key, 2 client(s)\n', stderr: '' });
  });

  it('says nothing when the run stops before using a token: bad input keeps its one line', async () => {
    expect(await runWith(runTestTool, ['key', '--key', 'KeyOnTheCommandLine123'], { env: env() })).toEqual({
      code: 0,
      stdout: 'a key, 0 client(s)\n',
      stderr: '',
    });
    const bad = await runWith(runTestTool, ['key', 'pcloud://eapi.pcloud.com/a?authid='], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('pctest: invalid location pcloud://eapi.pcloud.com/a?…: authid is empty\n');
  });
});

describe('failures', () => {
  it('prints an expected failure as one line and its hint, exit 1', async () => {
    const result = await runWith(runTestTool, ['fail'], { env: sandbox().env });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pctest: p:/nothing: no such file or folder\nhint: check the path with pctest ls\n',
    });
  });

  it('prints a bug with a short stack and a request to report it, exit 70', async () => {
    const result = await runWith(runTestTool, ['bug'], { env: sandbox().env });
    expect(result.code).toBe(70);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe("pctest: internal error: TypeError: Cannot read properties of undefined (reading 'x')");
    expect(lines.length).toBeLessThanOrEqual(7);
    expect(lines.at(-1)).toBe('This is a bug in pctest 1.2.3; please report it with the lines above.');
  });

  it('refuses a corrupt config file without touching it, exit 1', async () => {
    const box = sandbox();
    const content = '{"access_token": "CliCorruptSecret0123456789", oops}';
    writeConfig(box.configFile, content);
    const result = await runWith(runTestTool, ['show'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^pctest: config file ${box.configFile}: not valid JSON`));
    expect(result.stderr).not.toContain('CliCorruptSecret0123456789');
    expect(readFileSync(box.configFile, 'utf8')).toBe(content);
  });

  it('refuses a bad value in the tool’s section, naming it', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { pctest: { 'chunk-size': 'lots' } });
    const result = await runWith(runTestTool, ['show'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `pctest: config file ${box.configFile}: "pctest.chunk-size" must be an integer from 1 to 300 (got "lots")`,
    );
  });

  it('without a terminal and without a token, says how to provide one', async () => {
    const result = await runWith(runTestTool, ['whoami'], { env: sandbox().env, isTTY: false });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "pctest: no pCloud access token\nhint: set PCLOUD_ACCESS_TOKEN, store one with 'pcloud-token login' (or 'pcloud-token login --token -' for a token from elsewhere), or run 'pctest -r' once in a terminal\n",
    );
    const reauth = await runWith(runTestTool, ['-r', 'whoami'], { env: { ...sandbox().env, PCLOUD_ACCESS_TOKEN: 'EnvToken0123456789' } });
    expect(reauth.stderr.split('\n')[0]).toBe('pctest: cannot log in: -r needs a terminal');
  });

  it('cannot log in without an app id, and says where to put one', async () => {
    const box = sandbox();
    const result = await runWith(runTestTool, ['whoami'], { env: box.env, isTTY: true });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`pctest: cannot log in: no "client-id" in ${box.configFile}`);
  });
});
