import { describe, expect, it } from 'vitest';
import { checkNewPassword, checkPasswordChoice, PASSWORD_MIN_LENGTH } from './password-rules';

describe('checkNewPassword', () => {
  it.each([
    ['', false],
    ['123456789', false], // 9: one short
    ['1234567890', true], // 10: the minimum
    ['correct horse battery staple', true],
  ])('%j is acceptable: %s', (password, ok) => {
    expect(checkNewPassword(password)).toEqual(
      ok ? [] : [{ field: 'password', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }],
    );
  });

  it('names the field it is given', () => {
    expect(checkNewPassword('short', 'newPassword')[0]?.field).toBe('newPassword');
  });
});

describe('checkPasswordChoice', () => {
  it('accepts a long enough password typed twice the same', () => {
    expect(checkPasswordChoice('1234567890', '1234567890')).toEqual([]);
  });

  it('names the confirmation when it differs', () => {
    expect(checkPasswordChoice('1234567890', '1234567899')).toEqual([
      { field: 'confirmPassword', message: 'does not match the new password' },
    ]);
  });

  it('reports both problems at once', () => {
    expect(checkPasswordChoice('short', '')).toEqual([
      { field: 'password', message: 'must be at least 10 characters' },
      { field: 'confirmPassword', message: 'does not match the new password' },
    ]);
  });
});
