/**
 * A plain pCloud API call for tests over node:http(s): real sockets, no client library. Each call
 * uses a new connection unless an `agent` is given, because pCloud binds a keep-alive connection
 * to its first login (sticky auth) and tests must not inherit one by accident.
 */
import { request as httpRequest, type Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseJson } from '@pcloud/core/internal';

// Tests read answers loosely; the assertions check the shapes.
export type Answer = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CallInit {
  /** Send the token as `Authorization: Bearer` instead of a parameter. */
  bearer?: string;
  /** Send the parameters as an urlencoded POST body. */
  post?: boolean;
  /** Keep-alive agent to share a connection between calls. */
  agent?: Agent;
  /** CA to trust for HTTPS. */
  ca?: string;
}

/** Calls `method` on the emulator at `apiUrl`; returns the parsed JSON (64-bit integers exact) and a hidden `xError` header value. */
export function apiCall(
  apiUrl: string,
  method: string,
  params: Record<string, string | number> = {},
  init: CallInit = {},
): Promise<Answer> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const url = new URL(`${apiUrl}/${method}${init.post ? '' : `?${query}`}`);
  const headers: Record<string, string> = {};
  if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`;
  if (init.post) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: init.post ? 'POST' : 'GET', headers, agent: init.agent ?? false, ca: init.ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          const answer = parseJson(text) as Answer;
          // Not enumerable, so shape assertions (toEqual) see only what the server sent.
          Object.defineProperty(answer, 'xError', { value: res.headers['x-error'], enumerable: false });
          resolve(answer);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(init.post ? query : undefined);
  });
}
