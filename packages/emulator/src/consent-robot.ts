/**
 * A stand-in for the person at the browser: opens the emulator's OAuth consent page and submits
 * Allow or Deny, like a click, with a plain HTTP(S) client. Demos and tests of login flows use it
 * (as a `BROWSER`/`openBrowser` hook) so that a login completes without anyone at the keyboard.
 */
import http from 'node:http';
import https from 'node:https';

/** The answer to one request: status, redirect target and body. */
export interface PageResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** One request, no redirects followed, trusting `ca` for HTTPS. */
export function requestPage(url: string, init: { method?: string; form?: URLSearchParams; ca?: string } = {}): Promise<PageResponse> {
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

const unescapeHtml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Opens the consent page at `authorizeUrl` and submits it; answers the response to the submission (a redirect, or the code page). */
export async function submitConsent(authorizeUrl: string, decision: 'allow' | 'deny', ca?: string): Promise<PageResponse> {
  const page = await requestPage(authorizeUrl, { ...(ca ? { ca } : {}) });
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
  const form = new URLSearchParams();
  for (const [, name, value] of page.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.set(unescapeHtml(name ?? ''), unescapeHtml(value ?? ''));
  }
  const action = /<form method="post" action="([^"]+)">/.exec(page.body)?.[1] ?? '/oauth2/authorize';
  form.set('decision', decision);
  return requestPage(new URL(action, authorizeUrl).href, { method: 'POST', form, ...(ca ? { ca } : {}) });
}

/** The code the emulator's page shows for the flow without `redirect_uri`. */
export function shownCode(page: PageResponse): string {
  const code = /<code id="code">([^<]+)<\/code>/.exec(page.body)?.[1];
  if (!code) throw new Error('no code on the page');
  return unescapeHtml(code);
}

/**
 * Allows access like a person would: submits Allow on the consent page and, when the page
 * redirects (to a loopback listener), follows that one redirect. Answers the final response.
 */
export async function approveInBrowser(authorizeUrl: string, ca?: string): Promise<PageResponse> {
  const answer = await submitConsent(authorizeUrl, 'allow', ca);
  if (answer.status >= 300 && answer.status < 400 && answer.location) {
    return requestPage(new URL(answer.location, authorizeUrl).href, { ...(ca ? { ca } : {}) });
  }
  return answer;
}
