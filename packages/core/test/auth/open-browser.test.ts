import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserCommand, commandFromBrowserVar, openBrowser } from '../../src/auth/open-browser.js';

const url = 'https://x/?a=1&b=2';

describe('BROWSER', () => {
  it('wins over the platform opener, with or without a display', () => {
    expect(browserCommand(url, { platform: 'linux', env: { BROWSER: 'firefox' } })).toEqual(['firefox', [url]]);
    expect(browserCommand(url, { platform: 'darwin', env: { BROWSER: 'firefox' } })).toEqual(['firefox', [url]]);
    expect(browserCommand(url, { platform: 'linux', env: { BROWSER: '', DISPLAY: ':0' } })).toEqual(['xdg-open', [url]]);
  });

  it('takes the first of a list, splits words, keeps quoted spaces and replaces %s', () => {
    expect(commandFromBrowserVar('w3m:lynx', url, 'linux')).toEqual(['w3m', [url]]);
    expect(commandFromBrowserVar('"/opt/my browser/run" --new-tab', url, 'linux')).toEqual(['/opt/my browser/run', ['--new-tab', url]]);
    expect(commandFromBrowserVar("chromium --app='%s' --x", url, 'linux')).toEqual(['chromium', [`--app=${url}`, '--x']]);
    expect(commandFromBrowserVar('C:\\Tools\\b.exe;other', url, 'win32')).toEqual(['C:\\Tools\\b.exe', [url]]);
    expect(commandFromBrowserVar(' : ', url, 'linux')).toBeUndefined();
  });

  it('runs the command with the URL as its argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-browser-'));
    const script = join(dir, 'browser.mjs');
    const seen = join(dir, 'seen.txt');
    await writeFile(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(seen)}, process.argv[2]);\n`);
    const opened = await openBrowser(url, { platform: 'linux', env: { BROWSER: `"${process.execPath}" "${script}"` } });
    expect(opened).toBe(true);
    let text = '';
    for (let i = 0; i < 200 && text === ''; i++) {
      text = await readFile(seen, 'utf8').catch(() => '');
      if (text === '') await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(text).toBe(url);
  });

  it('answers false when the command does not exist', async () => {
    expect(await openBrowser(url, { platform: 'linux', env: { BROWSER: '/nonexistent/browser-for-test' } })).toBe(false);
  });
});
