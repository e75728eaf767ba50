import { createHash } from 'node:crypto';
import type { ReturnLinkAction } from './return-link-token.js';

/**
 * The small server-rendered pages behind the links in return-request emails. Server-rendered
 * rather than a route of the web app: the page must work without signing in and without
 * JavaScript (some mail clients open links in a bare viewer), and its GET must never act, since
 * mail scanners fetch every link in a message. The GET shows what will happen and a form; only
 * the form's POST acts.
 */

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d7dbe3;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
dt{color:#5a6478}dd{margin:0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #b8bfcc;border-radius:4px}
textarea{min-height:8rem}
button{margin-top:1.25rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1f5fbf;color:#fff;cursor:pointer}
.problem{border-left:4px solid #b42318;padding-left:1rem}
.done{border-left:4px solid #067647;padding-left:1rem}
.note{color:#5a6478;font-size:.9rem}
`;

/** The page's only style, allowed by its hash: the policy allows no other style and no script at all. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The Content-Security-Policy of these pages (stricter than the web app's). */
export const RETURN_LINK_PAGE_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface ReturnFacts {
  readonly orderId: string;
  readonly marketplace: string;
  readonly reason: string;
  readonly state: string;
  readonly buyerComment: string | null;
  readonly rma: string | null;
}

export type ReturnLinkForm =
  | { readonly action: 'AUTHORIZE'; readonly returnAddress: string | null }
  | { readonly action: 'CLOSE'; readonly reasons: ReadonlyArray<{ value: string; label: string }> }
  | { readonly action: 'REPLY'; readonly maxLength: number };

const TITLES: Readonly<Record<ReturnLinkAction, string>> = {
  AUTHORIZE: 'Authorize this return',
  CLOSE: 'Close this return request',
  REPLY: 'Reply to the buyer',
};

/** The confirmation page: what the link will do to which return, and the form that does it. */
export function confirmationPage(facts: ReturnFacts, form: ReturnLinkForm, expiresAt: Date): string {
  const fields = (() => {
    switch (form.action) {
      case 'AUTHORIZE':
        return `<p>A new RMA number is generated, and the buyer gets the return label and the packing slip.${
          form.returnAddress
            ? ` The items go back to your default return address: <strong>${escapeHtml(form.returnAddress)}</strong>.`
            : ''
        }</p>`;
      case 'CLOSE':
        return `<label for="reason">Why is it closed?</label>
<select id="reason" name="reason" required>${form.reasons
          .map((r) => `<option value="${escapeHtml(r.value)}">${escapeHtml(r.label)}</option>`)
          .join('')}</select>
<p class="note">The buyer is told that the request is closed, and why.</p>`;
      case 'REPLY':
        return `<label for="message">Your message to the buyer</label>
<textarea id="message" name="message" required maxlength="${form.maxLength}"></textarea>`;
    }
  })();
  return page(
    TITLES[form.action],
    `${factList(facts)}
<form method="post">
<input type="hidden" name="action" value="${form.action}">
${fields}
<button type="submit">${escapeHtml(TITLES[form.action])}</button>
</form>
<p class="note">This link works once, until ${escapeHtml(expiresAt.toISOString().slice(0, 16).replace('T', ' '))} UTC, without signing in. Nothing has changed yet.</p>`,
  );
}

/** The link acted. */
export function donePage(title: string, sentence: string, facts: ReturnFacts): string {
  return page(title, `<div class="done"><p>${escapeHtml(sentence)}</p></div>${factList(facts)}`);
}

/** The link did nothing: why, and what to do instead. */
export function problemPage(title: string, sentence: string): string {
  return page(
    title,
    `<div class="problem"><p>${escapeHtml(sentence)}</p></div>
<p>Nothing was changed. Sign in to Recertify to work the return from your returns queue.</p>`,
  );
}

function factList(facts: ReturnFacts): string {
  const rows: Array<[string, string | null]> = [
    ['Order', `${facts.orderId} (${facts.marketplace})`],
    ['Reason', facts.reason],
    ["Buyer's comment", facts.buyerComment],
    ['State', facts.state],
    ['RMA', facts.rma],
  ];
  return `<dl>${rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('')}</dl>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Recertify</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
