/**
 * The loopback listener for the OAuth code flow: an HTTP server on 127.0.0.1 (random port)
 * that receives the authorize page's redirect, checks `state` in constant time, answers the
 * browser with a small page, and resolves with the code and the region the redirect named.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PCloudError } from '../errors.js';
import { stateMatches } from './authorize-url.js';
import { readRedirectParams, type RedirectResult } from './redirect-result.js';

/** A running listener. */
export interface LoopbackListener {
  /** The `redirect_uri` to put in the authorize URL. */
  readonly redirectUri: string;
  /** Settles with the first redirect that carries the right `state` (or an `error`). */
  readonly result: Promise<RedirectResult>;
  /** Stops listening; a pending `result` rejects with ABORTED. */
  close(): Promise<void>;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: an error message may carry what the redirect's `error` said, which anyone can write. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const page = (title: string, text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:sans-serif;margin:3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;

/** Starts a listener on 127.0.0.1 with a random port. `state` must come back unchanged. */
export async function startLoopbackListener(options: { state: string; path?: string }): Promise<LoopbackListener> {
  const path = options.path ?? '/';
  let settle: { resolve(value: RedirectResult): void; reject(error: unknown): void } | undefined;
  const result = new Promise<RedirectResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A rejection nobody awaits yet (the paste path won) must not crash the process.
  result.catch(() => {});

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, title: string, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
      res.end(page(title, text));
    };
    if (req.method !== 'GET' || url.pathname !== path) return answer(404, 'Not found', 'This address only receives the pCloud login.');
    // A wrong or missing state is someone else's request: refuse it and keep waiting for ours.
    if (!stateMatches(options.state, url.searchParams.get('state'))) {
      return answer(400, 'Login not accepted', 'This answer does not belong to the login in progress.');
    }
    try {
      const redirect = readRedirectParams(url.searchParams);
      answer(200, 'Logged in to pCloud', 'You can close this tab and return to the terminal.');
      settle?.resolve(redirect);
    } catch (error) {
      answer(400, 'Login failed', (error as Error).message);
      settle?.reject(error);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    result,
    close: () =>
      new Promise<void>((resolve) => {
        settle?.reject(new PCloudError('ABORTED', 'The login listener was closed.'));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
