/**
 * Opens a URL in the user's browser when one is available: the command named by `BROWSER`
 * (the common convention, on every platform), else `xdg-open` (Linux, only with a graphical
 * session, so a text browser never takes over the terminal), `open` (macOS), `start`
 * (Windows). It never fails the login: the URL is printed anyway.
 */
import { spawn } from 'node:child_process';

/** Where and how to open the browser; injectable for tests. */
export interface OpenBrowserOptions {
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The command that opens a URL on this platform, or undefined when there is no browser to open. */
export function browserCommand(url: string, options: OpenBrowserOptions = {}): [string, string[]] | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const chosen = env.BROWSER ? commandFromBrowserVar(env.BROWSER, url, platform) : undefined;
  if (chosen) return chosen;
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return ['xdg-open', [url]];
}

/**
 * `BROWSER` as Python's webbrowser and xdg-utils read it: a list of commands separated by the
 * platform's path separator, of which the first is used; each is split into words (quotes keep
 * spaces); `%s` stands for the URL, which is otherwise added as the last argument.
 */
export function commandFromBrowserVar(
  value: string,
  url: string,
  platform: NodeJS.Platform = process.platform,
): [string, string[]] | undefined {
  const first = value.split(platform === 'win32' ? ';' : ':').find((entry) => entry.trim() !== '');
  if (first === undefined) return undefined;
  const words = (first.match(/(?:"[^"]*"|'[^']*'|[^\s"']+)+/g) ?? []).map((word) => word.replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
  const [command, ...args] = words;
  if (command === undefined) return undefined;
  const withUrl = args.some((arg) => arg.includes('%s')) ? args.map((arg) => arg.replace(/%s/g, url)) : [...args, url];
  return [command, withUrl];
}

/** Tries to open `url`; resolves true when the opener started, false otherwise (never rejects). */
export function openBrowser(url: string, options: OpenBrowserOptions = {}): Promise<boolean> {
  const command = browserCommand(url, options);
  if (!command) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
