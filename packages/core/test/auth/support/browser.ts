/**
 * A scripted "browser" for the emulator's OAuth pages: a plain HTTP(S) client that fetches the
 * consent page, submits its form with Allow or Deny, and reports where it was sent next.
 */
import http from 'node:http';
import https from 'node:https';

export interface PageResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** One request, no redirects followed, trusting `ca` for HTTPS. */
export function request(url: string, init: { method?: string; form?: URLSearchParams; ca?: string } = {}): Promise<PageResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;
  const body = init.form?.toString();
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: init.method ?? 'GET',
        agent: false,
        ...(init.ca ? { ca: init.ca } : {}),
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const unescape = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Opens the consent page at `authorizeUrl` and submits it; returns the answer to the submission. */
export async function decide(authorizeUrl: string, decision: 'allow' | 'deny', ca?: string): Promise<PageResponse> {
  const page = await request(authorizeUrl, { ...(ca ? { ca } : {}) });
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${page.body}`);
  const form = new URLSearchParams();
  for (const [, name, value] of page.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.set(unescape(name ?? ''), unescape(value ?? ''));
  }
  const action = /<form method="post" action="([^"]+)">/.exec(page.body)?.[1] ?? '/oauth2/authorize';
  form.set('decision', decision);
  return request(new URL(action, authorizeUrl).href, { method: 'POST', form, ...(ca ? { ca } : {}) });
}

/** The code shown on the emulator's code page (the flow without `redirect_uri`). */
export function shownCode(page: PageResponse): string {
  const code = /<code id="code">([^<]+)<\/code>/.exec(page.body)?.[1];
  if (!code) throw new Error('no code on the page');
  return unescape(code);
}
