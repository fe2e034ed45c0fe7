import "#server-only";
/**
 * A complete, calm HTML page for a route handler's refusal (a form post to a dead link, a
 * limit reached, the database away), so a browser with JavaScript off shows words rather
 * than a blank page, under the true status. Self-contained: no script, no stylesheet to
 * fetch; the inline style is allowed by the CSP's style-src.
 */
export interface Notice {
  title: string;
  text: string;
  /** Where the person can go next. */
  link?: { href: string; label: string };
  /** A button that posts back to `action`: what the page asks the person to confirm. */
  form?: { action: string; label: string };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The app's own colours (app/globals.css), light and dark. */
const STYLE = `body{margin:0;font-family:system-ui,sans-serif;background:#fbf7f2;color:#2a2320}
main{max-width:28rem;margin:0 auto;padding:2.5rem 1.25rem 4rem;display:flex;flex-direction:column;gap:1.25rem;align-items:flex-start}
h1{font-size:1.875rem;line-height:1.2;margin:0}p{margin:0;color:#655a54;line-height:1.5}
a,button{display:inline-block;font:inherit;border:0;cursor:pointer;padding:.75rem 1.25rem;border-radius:.75rem;background:#a8432c;color:#fff;font-weight:600;text-decoration:none}
@media (prefers-color-scheme:dark){body{background:#1b1715;color:#f4ede7}p{color:#c4b7ad}a,button{background:#f2a48c;color:#2a1610}}`;

export function noticePage(
  status: number,
  notice: Notice,
  headers: Record<string, string> = {},
): Response {
  const link = notice.link
    ? `<a href="${escapeHtml(notice.link.href)}">${escapeHtml(notice.link.label)}</a>`
    : "";
  const form = notice.form
    ? `<form method="post" action="${escapeHtml(notice.form.action)}"><button type="submit">${escapeHtml(notice.form.label)}</button></form>`
    : "";
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(notice.title)} · Rekindle</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(notice.title)}</h1><p>${escapeHtml(notice.text)}</p>${form}${link}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
      ...headers,
    },
  });
}
