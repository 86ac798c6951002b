/**
 * Opens a URL in the user's browser when one is available: `xdg-open` (Linux, only with a
 * graphical session, so a text browser never takes over the terminal), `open` (macOS),
 * `start` (Windows). It never fails the login: the URL is printed anyway.
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
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return ['xdg-open', [url]];
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
