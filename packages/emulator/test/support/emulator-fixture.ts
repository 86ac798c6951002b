/** Test helpers: start an emulator and call it over a real socket with plain fetch. */
import { parseJson } from '@pcloud/core/internal';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/index.js';

/** A parsed API answer with its HTTP details. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, any>;
}

/** Starts an emulator for a test file. */
export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator(options);
}

/** GET `<apiUrl>/<method>?params` with the seeded token in the Bearer header (unless `token: null`). */
export async function api(
  emu: Emulator,
  method: string,
  params: Record<string, string | number> = {},
  init: { token?: string | null; request?: RequestInit } = {},
): Promise<Answer> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const headers = new Headers(init.request?.headers);
  const token = init.token === undefined ? emu.token : init.token;
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(`${emu.apiUrl}/${method}?${query}`, { ...init.request, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parseJson(text) as Record<string, any> };
}

/** Like {@link api} but fails the test unless `result` is 0. */
export async function ok(emu: Emulator, method: string, params: Record<string, string | number> = {}): Promise<Record<string, any>> {
  const answer = await api(emu, method, params);
  if (answer.body.result !== 0) throw new Error(`${method} answered ${answer.text}`);
  return answer.body;
}
