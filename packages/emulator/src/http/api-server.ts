/**
 * The HTTP(S) JSON front end (pcloud-api.md §1.2–§1.4): the method is the URL path; parameters
 * come from the query, urlencoded or multipart bodies and the `auth` cookie; credentials also
 * from `Authorization: Bearer`. An unknown method or a malformed request closes the connection.
 * `/oauth2/*` goes to the OAuth pages, `/publink/*` to public links' pages. One ConnectionState
 * per keep-alive connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Dispatcher } from '../api/dispatcher.js';
import type { ConnectionState } from '../api/types.js';
import type { EmulatorState } from '../state/emulator-state.js';
import { handleOAuthPage } from './oauth-pages.js';
import { handlePublinkPage } from './publink-pages.js';
import { addQueryPairs, decodeComponent } from './query-params.js';
import { readRequestBody, type RequestBody } from './request-body.js';
import { sendAnswer } from './send-answer.js';

/** Per-socket state (sticky login, metadata filters, open files). */
const connections = new WeakMap<Socket, ConnectionState>();
/** Per-socket tail of the request chain: pipelined requests are handled one after another, in order (§1.2). */
const queues = new WeakMap<Socket, Promise<void>>();

function connectionOf(socket: Socket, dispatcher: Dispatcher): ConnectionState {
  let state = connections.get(socket);
  if (!state) {
    const created: ConnectionState = { remoteAddress: socket.remoteAddress ?? '' };
    socket.once('close', () => void dispatcher.disconnect(created));
    connections.set(socket, created);
    state = created;
  }
  return state;
}

function cookieAuth(header: string | undefined): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'auth') return decodeComponent(value.join('='));
  }
  return undefined;
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function bodyLengthOf(req: IncomingMessage): { bodyLength?: number } {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? { bodyLength: length } : {};
}

/** Creates the request listener of the API host. */
export function createApiHandler(state: EmulatorState, dispatcher: Dispatcher): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    if (pathname.startsWith('/oauth2/')) return handleOAuthPage(req, res, state);
    if (pathname.startsWith('/publink/')) return handlePublinkPage(req, res, state, dispatcher);
    const method = decodeComponent(pathname.slice(1));
    if (!dispatcher.knows(method)) {
      req.socket.destroy();
      return;
    }
    const params = new Map<string, string>();
    if (queryAt >= 0) addQueryPairs(target.slice(queryAt + 1), params);
    let body: RequestBody;
    try {
      body = await readRequestBody(req, method, params);
    } catch {
      req.socket.destroy();
      return;
    }
    const auth = cookieAuth(req.headers.cookie);
    if (auth !== undefined) params.set('auth', auth); // a cookie overrides GET and POST (§1.2)
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const outcome = await dispatcher.dispatch({
      method,
      params,
      bearer: bearerOf(req.headers.authorization),
      connection: connectionOf(req.socket, dispatcher),
      files: body.files,
      signal: aborted.signal,
      ...bodyLengthOf(req),
    });
    if (outcome.kind === 'close') {
      req.socket.destroy();
      return;
    }
    body.discardRest();
    await sendAnswer(res, outcome);
  };
  return (req, res) => {
    const socket = req.socket;
    const next = (queues.get(socket) ?? Promise.resolve()).then(() => handle(req, res)).catch(() => void socket.destroy());
    queues.set(socket, next);
  };
}
