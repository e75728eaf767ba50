import { describe, expect, it } from 'vitest';
import {
  newReturnLinkId,
  RETURN_LINK_TOKEN_MAX_LENGTH,
  signReturnLink,
  verifyReturnLink,
  type ReturnLinkClaims,
} from './return-link-token.js';

const secret = Buffer.from('a-test-secret-of-at-least-thirty-two-characters');
const sentAt = new Date('2026-11-23T17:00:00Z');
const claims: ReturnLinkClaims = {
  action: 'AUTHORIZE',
  returnId: '6f1c2c1e-4f0e-4a53-9d37-0a4a0e7f1b11',
  sellerId: '0d3f5b1a-8a5e-4a36-9a55-3c2b9d5e7c21',
  linkId: newReturnLinkId(),
  expiresAt: new Date(sentAt.getTime() + 7 * 86_400_000),
};

/** The token with its payload replaced by `payload` (re-encoded), keeping the old signature. */
function withPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [body, signature] = token.split('.') as [string, string];
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

describe('signed return links', () => {
  it('accept their own token, for their action, until the second they expire', () => {
    const token = signReturnLink(claims, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const check = verifyReturnLink(token, secret, sentAt, 'AUTHORIZE');
    expect(check).toEqual({ ok: true, claims });
    const lastSecond = new Date(claims.expiresAt.getTime() - 1000);
    expect(verifyReturnLink(token, secret, lastSecond, 'AUTHORIZE').ok).toBe(true);
    expect(verifyReturnLink(token, secret, claims.expiresAt, 'AUTHORIZE')).toMatchObject({
      ok: false,
      problem: 'EXPIRED',
    });
  });

  it('refuse a link used for another action than the one it was signed for', () => {
    const token = signReturnLink(claims, secret);
    expect(verifyReturnLink(token, secret, sentAt, 'CLOSE')).toMatchObject({ ok: false, problem: 'WRONG_ACTION' });
    expect(verifyReturnLink(token, secret, sentAt, 'REPLY')).toMatchObject({ ok: false, problem: 'WRONG_ACTION' });
  });

  it.each([
    ['the action', (p: Record<string, unknown>) => (p['a'] = 'CLOSE')],
    ['the return', (p: Record<string, unknown>) => (p['r'] = '00000000-0000-4000-8000-000000000000')],
    ['the seller', (p: Record<string, unknown>) => (p['s'] = '00000000-0000-4000-8000-000000000000')],
    ['the expiry', (p: Record<string, unknown>) => (p['e'] = Number(p['e']) + 86_400 * 365)],
    ['the link id', (p: Record<string, unknown>) => (p['j'] = newReturnLinkId())],
  ])('refuse a token whose payload was changed (%s) as tampered', (_what, change) => {
    const token = withPayload(signReturnLink(claims, secret), change);
    expect(verifyReturnLink(token, secret, sentAt)).toEqual({ ok: false, problem: 'TAMPERED', claims: null });
  });

  it('refuse a token signed with another secret, or with a changed signature, as tampered', () => {
    const other = signReturnLink(claims, Buffer.from('another-secret-of-at-least-thirty-two-chars!'));
    expect(verifyReturnLink(other, secret, sentAt)).toMatchObject({ ok: false, problem: 'TAMPERED' });
    const token = signReturnLink(claims, secret);
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    expect(verifyReturnLink(flipped, secret, sentAt)).toMatchObject({ ok: false, problem: 'TAMPERED' });
    const [body] = token.split('.');
    expect(verifyReturnLink(`${body}.`, secret, sentAt)).toMatchObject({ ok: false, problem: 'MALFORMED' });
    expect(verifyReturnLink(`${body}.AAAA`, secret, sentAt)).toMatchObject({ ok: false, problem: 'TAMPERED' });
  });

  it.each([
    ['empty', ''],
    ['no signature', 'abc'],
    ['three parts', 'a.b.c'],
    ['characters outside base64url', 'ab+c.de/f'],
    ['too long', `${'a'.repeat(RETURN_LINK_TOKEN_MAX_LENGTH)}.b`],
  ])('refuse a malformed token (%s)', (_what, token) => {
    expect(verifyReturnLink(token, secret, sentAt)).toEqual({ ok: false, problem: 'MALFORMED', claims: null });
  });

  it('give every link its own id', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newReturnLinkId()));
    expect(ids.size).toBe(1000);
  });
});
