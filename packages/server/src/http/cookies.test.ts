import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies.js';

describe('readCookie', () => {
  it('reads one cookie among others, trimmed', () => {
    expect(readCookie('a=1; rc_session=abc ;b=2', 'rc_session')).toBe('abc');
    expect(readCookie('rc_session=abc', 'rc_session')).toBe('abc');
    expect(readCookie(' rc_session = abc', 'rc_session')).toBe('abc');
  });

  it('is undefined without the header or the cookie', () => {
    expect(readCookie(undefined, 'rc_session')).toBeUndefined();
    expect(readCookie('', 'rc_session')).toBeUndefined();
    expect(readCookie('a=1; b=2', 'rc_session')).toBeUndefined();
    expect(readCookie('xrc_session=1; rc_session_old=2', 'rc_session')).toBeUndefined();
    expect(readCookie('rc_session; a=1', 'rc_session')).toBeUndefined();
  });

  it('takes the first of two cookies of the same name, as cookie-parser does', () => {
    expect(readCookie('rc_session=first; rc_session=second', 'rc_session')).toBe('first');
  });

  it('drops surrounding quotes and decodes percent-encoding when it decodes', () => {
    expect(readCookie('rc_session="abc"', 'rc_session')).toBe('abc');
    expect(readCookie('rc_session=a%20b', 'rc_session')).toBe('a b');
    expect(readCookie('rc_session=a%zzb', 'rc_session')).toBe('a%zzb');
    expect(readCookie('rc_session=', 'rc_session')).toBe('');
  });

  it('keeps a value starting with j: as a string (cookie-parser would parse it as JSON)', () => {
    expect(readCookie('rc_session=j:{"a":1}', 'rc_session')).toBe('j:{"a":1}');
  });

  it('skips a pair without "=" before the cookie', () => {
    expect(readCookie('junk; rc_session=abc', 'rc_session')).toBe('abc');
    expect(readCookie('a=x=y; rc_session=abc', 'rc_session')).toBe('abc');
  });
});
