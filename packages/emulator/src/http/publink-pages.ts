/**
 * A public link's pages on the API host, where answers' `link` points (pCloud serves them from its
 * web host): `/publink/show?code=…` shows the file or folder, `/publink/download?code=…[&fileid=…]`
 * redirects to the download host. Both go through the dispatcher as showpublink and
 * getpublinkdownload, so the rules (expiry, download counting, faults) live once; a download is
 * counted when its redirect is handed out. Pages are never cached and send no Referer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resultMessage } from '@pcloud/core/internal';
import type { Dispatcher, DispatchOutcome } from '../api/dispatcher.js';
import type { EmulatorState } from '../state/emulator-state.js';
import { publinkErrorPage, publinkPage, publinkRedirectPage } from './publink-html.js';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
};

function send(req: IncomingMessage, res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'Content-Length': Buffer.byteLength(html), ...headers });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** The HTTP status of a page that cannot be served, by pCloud's result. */
function statusOf(result: number): number {
  if (result === 1028 || result === 1029 || result === 1005) return 400;
  if (result === 7001 || result === 2009) return 404;
  if (result >= 7000 && result < 8000) return 410;
  return 503;
}

/** A page request carries no files. */
async function* noFiles(): AsyncGenerator<never> {}

async function call(
  dispatcher: Dispatcher,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  params: Map<string, string>,
): Promise<DispatchOutcome> {
  const aborted = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  return dispatcher.dispatch({
    method,
    params,
    connection: { remoteAddress: req.socket.remoteAddress ?? '' },
    files: noFiles(),
    signal: aborted.signal,
  });
}

/** Serves `/publink/*` on the API host. */
export async function handlePublinkPage(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  dispatcher: Dispatcher,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const download = url.pathname === '/publink/download';
  // A HEAD of a download would count one without sending anything.
  const allowed = download ? ['GET'] : ['GET', 'HEAD'];
  if (!allowed.includes(req.method ?? ''))
    return send(req, res, 405, publinkErrorPage(0, 'Method not allowed.'), { Allow: allowed.join(', ') });
  const params = new Map<string, string>();
  for (const name of ['code', 'fileid']) {
    const value = url.searchParams.get(name);
    if (value !== null) params.set(name, value);
  }
  if (!download && url.pathname !== '/publink/show') return send(req, res, 404, publinkErrorPage(0, 'Page not found.'));
  const outcome = await call(dispatcher, req, res, download ? 'getpublinkdownload' : 'showpublink', params);
  if (outcome.kind === 'close') return void req.socket.destroy();
  if (outcome.result !== 0) {
    const message = typeof outcome.body.error === 'string' ? outcome.body.error : resultMessage(outcome.result);
    return send(req, res, statusOf(outcome.result), publinkErrorPage(outcome.result, message));
  }
  if (download) {
    const hosts = outcome.body.hosts as string[];
    const location = `${state.scheme}://${hosts[0] ?? state.downloadHost}${String(outcome.body.path)}`;
    return send(req, res, 302, publinkRedirectPage(location), { Location: location });
  }
  send(req, res, 200, publinkPage(outcome.body.metadata as Record<string, unknown>, params.get('code') ?? ''));
}
