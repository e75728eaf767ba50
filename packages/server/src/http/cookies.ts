/**
 * One cookie's value from a `Cookie` header, read as the `cookie` package (behind cookie-parser)
 * reads it: pairs split on `;`, names and values trimmed, the first pair of a name wins, surrounding
 * double quotes dropped, percent-encoding decoded when it decodes (kept as sent when it does not).
 * Unlike cookie-parser, a value starting with `j:` stays a string (never parsed as JSON).
 *
 * For /graphql, which reads only the session cookie: parsing every cookie of every request into
 * `req.cookies` cost more than the session lookup's own code (BENCHMARKS.md, review queue).
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let start = 0;
  while (start < header.length) {
    let end = header.indexOf(';', start);
    if (end === -1) end = header.length;
    const eq = header.indexOf('=', start);
    if (eq !== -1 && eq < end && header.slice(start, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      return decode(value);
    }
    start = end + 1;
  }
  return undefined;
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
