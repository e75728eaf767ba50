import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

describe('passwordProblem', () => {
  it.each([
    ['123456789', 'must be at least 10 characters'],
    ['1234567890', null],
    ['x'.repeat(200), null],
    ['x'.repeat(201), 'must be at most 200 characters'],
  ])('%s -> %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
