import { describe, expect, it } from 'vitest';
import {
  describeSendError,
  FIRST_RETRY_DELAY_MS,
  isMessageSpecificFailure,
  MAX_RETRY_DELAY_MS,
  retryDelayMs,
} from './outbox-retry.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_920_000],
    [8, MAX_RETRY_DELAY_MS],
    [40, MAX_RETRY_DELAY_MS],
  ])('after %i failures waits up to %i ms, at most 10 %% less', (failures, base) => {
    for (const key of ['a', 'b', '2f7c1f0e-6d1b-4a43-9a53-0d2cbb0c6f11']) {
      const delay = retryDelayMs(failures, key);
      expect(delay).toBeLessThanOrEqual(base);
      expect(delay).toBeGreaterThan(base * 0.9);
    }
  });

  it('is deterministic per email and spreads different emails apart', () => {
    expect(retryDelayMs(3, 'same')).toBe(retryDelayMs(3, 'same'));
    const delays = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(1, `email-${i}`)));
    expect(delays.size).toBeGreaterThan(10);
    expect(Math.min(...delays)).toBeGreaterThan(FIRST_RETRY_DELAY_MS * 0.9);
  });
});

describe('describeSendError', () => {
  it('keeps code, SMTP response code and message on one line', () => {
    const error = Object.assign(new Error('Mailbox unavailable\n  try later'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(describeSendError(error)).toBe('EENVELOPE 550 Mailbox unavailable try later');
  });

  it('masks URL credentials and cuts long messages', () => {
    expect(describeSendError(new Error('cannot reach smtp://mailer:s3cret@mail.example.com:587'))).toBe(
      'cannot reach smtp://***@mail.example.com:587',
    );
    const long = describeSendError(new Error('x'.repeat(2_000)));
    expect(long.length).toBe(500);
  });

  it('describes values that are not errors', () => {
    expect(describeSendError('boom')).toBe('boom');
    expect(describeSendError(undefined)).toBe('undefined');
  });
});

describe('isMessageSpecificFailure', () => {
  it.each([
    ['EENVELOPE', true],
    ['EMESSAGE', true],
    ['ECONNECTION', false],
    ['ETIMEDOUT', false],
    ['EAUTH', false],
    ['ENOSPC', false],
    [undefined, false],
  ])('%s -> %s', (code, expected) => {
    expect(isMessageSpecificFailure(Object.assign(new Error('x'), { code }))).toBe(expected);
  });
});
