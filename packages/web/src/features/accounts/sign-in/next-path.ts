import type { Role } from '../../../generated/graphql';

/** Pages a `next` parameter must not lead back to: they would only send the person on again. */
const ACCOUNT_ENTRY_PATHS = ['/sign-in', '/sign-up'];

const ORIGIN = 'http://recertify.invalid';

/**
 * The `next` of /sign-in?next=..., if it is a page of this app. Parsed the way a browser parses
 * it, so "//evil.example", "/\\evil.example", "https://evil.example" and tab tricks are refused.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  if (ACCOUNT_ENTRY_PATHS.includes(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to send an anonymous visitor of `location`: the sign-in page, coming back afterwards. */
export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const next = safeNextPath(`${location.pathname}${location.search}${location.hash}`);
  return next ? `/sign-in?${new URLSearchParams({ next }).toString()}` : '/sign-in';
}

/**
 * Where a person lands after signing in when no (acceptable) `next` was given: their own work. A
 * seller's applications; the review queue for reviewers and admins.
 */
export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  SELLER: '/applications',
  REVIEWER: '/review',
  ADMIN: '/review',
};
