/**
 * The HTML of the emulator's OAuth pages (pcloud-api.md §7.1): the consent page with Allow and
 * Deny buttons, the page that shows a code to copy, and error pages. Plain forms, no scripts,
 * so a plain HTTP client (or a headless browser) can drive them.
 */
import type { OAuthApp } from '../state/identity-types.js';
import { escapeHtml, htmlPage as page } from './html-page.js';

/** Hidden form fields that carry the authorize request from the consent page to its POST. */
export type AuthorizeFields = Record<string, string>;

/** The consent page: which app asks, for what, on behalf of which account; Allow and Deny. */
export function consentPage(app: OAuthApp, email: string, fields: AuthorizeFields): string {
  const access =
    app.folderAccess === 'private'
      ? `only its own folder, <strong>/Applications/${escapeHtml(app.name)}</strong>, which it will see as its root`
      : 'all files and folders in your account';
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page(
    `Authorize ${app.name}`,
    `<h1 id="app-name">${escapeHtml(app.name)}</h1>
<p>wants to access ${access}.</p>
<p>Signed in as <strong id="account">${escapeHtml(email)}</strong>.</p>
<form method="post" action="/oauth2/authorize">
${hidden}
<button type="submit" name="decision" value="allow" id="allow">Allow</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>`,
  );
}

/** Shown after Allow in the code flow without `redirect_uri`: the code for the user to copy. */
export function codePage(app: OAuthApp, code: string, locationid: number, hostname: string): string {
  return page(
    'Access granted',
    `<h1>Access granted</h1>
<p>Copy this code into ${escapeHtml(app.name)}:</p>
<p><code id="code">${escapeHtml(code)}</code></p>
<p>Region: <span id="locationid">${locationid}</span>, API host: <span id="hostname">${escapeHtml(hostname)}</span></p>`,
  );
}

/** Shown after Deny when there is nowhere to redirect to. */
export function deniedPage(app: OAuthApp): string {
  return page('Access denied', `<h1>Access denied</h1><p id="error">access_denied: ${escapeHtml(app.name)} was not given access.</p>`);
}

/** An error page (unknown client, unregistered redirect URI, bad request). */
export function errorPage(message: string): string {
  return page('Error', `<h1>Error</h1><p id="error">${escapeHtml(message)}</p>`);
}
