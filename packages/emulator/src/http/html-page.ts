/**
 * The frame of the emulator's HTML pages (OAuth consent, public links): one small page with
 * inline style and no scripts, and the escaping every text put into it goes through.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A whole page: `title` is text (escaped here), `body` is HTML the caller escaped. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - pCloud emulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#17191c}
button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem}code{font-size:1.25rem;background:#eef;padding:.25rem .5rem}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
