/**
 * Redaction of secrets from anything that may reach a person: error messages, log lines, URLs.
 * Secrets are pCloud's credential parameters (pcloud-api.md §1.3, §7) wherever they appear:
 * `name=value` pairs in URLs and form bodies, JSON fields, Bearer headers, and any token
 * value registered at run time with {@link registerSecret}.
 */
const SECRET_NAMES = [
  'access_token',
  'access-token',
  'accesstoken',
  'auth',
  'authid',
  'code',
  'password',
  'passwordmd5',
  'passworddigest',
  'digest',
  'client_secret',
  'client-secret',
  'refresh_token',
  'token',
] as const;

const NAMES = SECRET_NAMES.join('|');
// name=value in query strings and form bodies (value runs to & # whitespace or quote).
const PAIR = new RegExp(`([?&;\\s"']|^)(${NAMES})=([^&#\\s"']+)`, 'gi');
// "name": "value" in JSON text.
const JSON_FIELD = new RegExp(`("(?:${NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;

const known = new Set<string>();

/**
 * Remembers a secret value so that it is removed from every later redacted text, wherever it
 * appears. Very short values are ignored: they would mangle ordinary words.
 */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) known.add(value);
}

/**
 * Forgets every registered secret. For a process that runs several tools one after another (the
 * toolkit's in-process tests): each run then redacts only what it registered itself, as a bin
 * started on its own would, so one that forgets to register its token cannot hide behind another's.
 */
export function forgetSecrets(): void {
  known.clear();
}

/** The text with every secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let out = text
    .replace(PAIR, (_m, lead: string, name: string) => `${lead}${name}=[REDACTED]`)
    .replace(JSON_FIELD, (_m, head: string) => `${head}"[REDACTED]"`)
    .replace(BEARER, '$1 [REDACTED]');
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join('[REDACTED]');
  }
  return out;
}

/** Whether a parameter name carries a secret (for redacting parameter maps before logging). */
export function isSecretName(name: string): boolean {
  return (SECRET_NAMES as readonly string[]).includes(name.toLowerCase());
}

/** A copy of a parameter map with secret values replaced, safe to log. */
export function redactParams<T extends Record<string, unknown>>(params: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = isSecretName(key) ? '[REDACTED]' : typeof value === 'string' ? redact(value) : value;
  }
  return out;
}
