import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/account', '/account'],
    ['/account?tab=keys#api-keys', '/account?tab=keys#api-keys'],
    ['/program-rules', '/program-rules'],
    ['/a/../account', '/account'],
  ])('keeps a page of the app: %j -> %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['account'],
    ['//evil.example/account'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['https://evil.example/account'],
    ['javascript:alert(1)'],
    ['/sign-in'],
    ['/sign-in?next=/account'],
    ['/sign-up'],
  ])('refuses %j', (next) => {
    expect(safeNextPath(next)).toBeNull();
  });
});

describe('signInPathFor', () => {
  it('sends the visitor to sign in, with the page they wanted as next', () => {
    expect(signInPathFor({ pathname: '/account', search: '', hash: '' })).toBe('/sign-in?next=%2Faccount');
    expect(signInPathFor({ pathname: '/account', search: '?x=1&y=2', hash: '#keys' })).toBe(
      '/sign-in?next=%2Faccount%3Fx%3D1%26y%3D2%23keys',
    );
  });

  it('leaves next out when the page is the sign-in page itself', () => {
    expect(signInPathFor({ pathname: '/sign-in', search: '', hash: '' })).toBe('/sign-in');
  });
});
