/**
 * `/oauth2/authorize` (pcloud-api.md §7.1, §7.2). GET shows the consent page for the signed-in
 * (seeded) account; its form POSTs the decision back. Allow in the code flow redirects with
 * `code`, `state`, `locationid`, `hostname` in the query, or shows the code when there is no
 * `redirect_uri`; the token flow puts `access_token`, `token_type`, `uid`, `userid`, `state`,
 * `locationid`, `hostname` in the fragment. Deny redirects with `error=access_denied`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../state/emulator-state.js';
import type { OAuthApp } from '../state/identity-types.js';
import { codePage, consentPage, deniedPage, errorPage, type AuthorizeFields } from './oauth-html.js';

/** A validated authorize request. */
interface AuthorizeRequest {
  app: OAuthApp;
  responseType: 'code' | 'token';
  redirectUri: string | undefined;
  state: string | undefined;
}

const MAX_FORM_BYTES = 64 * 1024;

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  // Codes and tokens appear on these pages: never cache them, never leak them through Referer.
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  send(res, 302, `<!doctype html><a href="${location.replace(/"/g, '%22')}">Continue</a>`, { Location: location });
}

function validate(params: URLSearchParams, state: EmulatorState): AuthorizeRequest | string {
  const clientId = params.get('client_id');
  if (!clientId) return "Missing 'client_id'.";
  const app = state.identity.oauth.app(clientId);
  if (!app) return "Invalid 'client_id' provided.";
  const responseType = params.get('response_type');
  if (responseType !== 'code' && responseType !== 'token') return "Invalid 'response_type': use 'code' or 'token'.";
  const redirectUri = params.get('redirect_uri') || undefined;
  if (redirectUri !== undefined && !state.identity.oauth.redirectAllowed(app, redirectUri)) {
    return "Invalid 'redirect_uri': it is not registered for this app.";
  }
  if (responseType === 'token' && redirectUri === undefined) return "'redirect_uri' is required with response_type=token.";
  return { app, responseType, redirectUri, state: params.get('state') ?? undefined };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function decide(res: ServerResponse, request: AuthorizeRequest, allow: boolean, state: EmulatorState, apiHost: string): void {
  const { app, redirectUri } = request;
  const now = state.now();
  const userid = state.identity.seeded.userid;
  const answer = new URLSearchParams();
  if (!allow) {
    if (redirectUri === undefined) return send(res, 200, deniedPage(app));
    answer.set('error', 'access_denied');
  } else if (request.responseType === 'token') {
    const token = state.identity.oauth.issueAccessToken(app, userid, now);
    answer.set('access_token', token.value);
    answer.set('token_type', 'bearer');
    answer.set('uid', String(userid));
    answer.set('userid', String(userid));
  } else {
    const code = state.identity.oauth.issueCode(app, userid, now);
    if (redirectUri === undefined) return send(res, 200, codePage(app, code, state.locationid, apiHost));
    answer.set('code', code);
  }
  if (request.state !== undefined) answer.set('state', request.state);
  answer.set('locationid', String(state.locationid));
  answer.set('hostname', apiHost);
  const target = new URL(redirectUri as string);
  if (request.responseType === 'token') target.hash = answer.toString();
  else for (const [key, value] of answer) target.searchParams.set(key, value);
  redirect(res, target.toString());
}

/** Serves `/oauth2/*` requests of the API listener. */
export async function handleOAuthPage(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  if (url.pathname !== '/oauth2/authorize') return send(res, 404, errorPage('No such page.'));
  const apiHost = state.apiHost || req.headers.host || '';
  if (req.method === 'GET' || req.method === 'HEAD') {
    const request = validate(url.searchParams, state);
    if (typeof request === 'string') return send(res, 400, errorPage(request));
    const fields: AuthorizeFields = { client_id: request.app.clientId, response_type: request.responseType };
    if (request.redirectUri !== undefined) fields.redirect_uri = request.redirectUri;
    if (request.state !== undefined) fields.state = request.state;
    const email = state.identity.accounts.get(state.identity.seeded.userid)?.email ?? '';
    return send(res, 200, consentPage(request.app, email, fields));
  }
  if (req.method !== 'POST') return send(res, 405, errorPage('Use GET or POST.'), { Allow: 'GET, HEAD, POST' });
  const form = await readForm(req);
  if (!form) return send(res, 413, errorPage('The form is too large.'));
  const request = validate(form, state);
  if (typeof request === 'string') return send(res, 400, errorPage(request));
  const decision = form.get('decision');
  if (decision !== 'allow' && decision !== 'deny') return send(res, 400, errorPage("Choose 'Allow' or 'Deny'."));
  decide(res, request, decision === 'allow', state, apiHost);
}
