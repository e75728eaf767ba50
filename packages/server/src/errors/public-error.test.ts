import { DomainError, nextStatus, type DomainErrorCode } from '@recertify/domain';
import { complaintAlreadyInvalidated } from '../features/quality/quality.errors.js';
import { describe, expect, it } from 'vitest';
import { accountLocked, invalidCredentials, invalidToken } from '../features/accounts/accounts.errors.js';
import { notEligible } from '../features/applications/applications.errors.js';
import { InvalidOutboxEmailError } from '../features/outbox/outbox.errors.js';
import { claimedByOther } from '../features/review/review.errors.js';
import { UploadRefusedError } from '../features/uploads/upload.errors.js';
import { rateLimited } from '../limits/limits.errors.js';
import { notApproved } from '../features/quality/dashboard/dashboard.errors.js';
import { returnRefused, rmaTaken } from '../features/returns/returns.errors.js';
import { InvalidReturnTransitionError } from '@recertify/domain';
import {
  PrepaidLabelRefusedError,
  ReturnLabelAddressTooLongError,
  ReturnLabelUnprintableError,
} from '../features/returns/labels/return-labels.errors.js';
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  unauthenticated,
  type AppError,
  type AppErrorCode,
} from './app-error.js';
import { publicErrorOf, type ErrorCode } from './public-error.js';

const NOW = new Date('2026-11-30T10:00:00Z');

/** One error per code: the mapped type makes this table fail to compile when a code is added and not listed. */
const SAMPLES: { readonly [C in AppErrorCode]: AppError<C> } = {
  UNAUTHENTICATED: unauthenticated(),
  FORBIDDEN: forbidden('Not yours.'),
  NOT_FOUND: notFound('That application'),
  BAD_USER_INPUT: badInput([{ field: 'email', message: 'is not an email address' }]),
  CONFLICT: conflict('Changed meanwhile.'),
  INVALID_CREDENTIALS: invalidCredentials(),
  ACCOUNT_LOCKED: accountLocked(new Date('2026-11-30T10:15:00Z'), NOW),
  INVALID_TOKEN: invalidToken('This reset link has expired.'),
  NOT_ELIGIBLE: notEligible([{ criterion: 'IMAGES', summary: 'Add at least 8 images.' }]),
  CLAIMED_BY_OTHER: claimedByOther({ name: 'Rita Reviewer', claimedAt: new Date('2026-11-30T09:00:00Z') }),
  UPLOAD_REFUSED: new UploadRefusedError('EMPTY', 'the file is empty'),
  INVALID_OUTBOX_EMAIL: new InvalidOutboxEmailError('to', 'must be a single email address'),
  RATE_LIMITED: rateLimited('graphql-ip', 300, 60, 42),
  LABEL_TEXT_UNPRINTABLE: new ReturnLabelUnprintableError([{ field: 'returnAddress.lines[0]', characters: ['Ł'] }]),
  LABEL_ADDRESS_TOO_LONG: new ReturnLabelAddressTooLongError(7),
  PREPAID_LABEL_REFUSED: new PrepaidLabelRefusedError('upload', 'PAGES', 'a label has 1 to 4 pages; this PDF has 9'),
  NOT_APPROVED: notApproved('US', 'IN_REVIEW'),
  RMA_TAKEN: rmaTaken('RMA-1234'),
  RETURN_REFUSED: returnRefused(
    new InvalidReturnTransitionError('AUTHORIZED', 'CLOSE', 'BEFORE_DEADLINE', { deadline: '2026-12-15' }),
  ),
  COMPLAINT_ALREADY_INVALIDATED: complaintAlreadyInvalidated(new Date('2026-11-30T09:00:00Z'), 'Buyer error'),
};

const EXPECTED: { readonly [C in AppErrorCode]: { code: ErrorCode; status: number; extensions?: object } | null } = {
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', status: 401 },
  FORBIDDEN: { code: 'FORBIDDEN', status: 403 },
  NOT_FOUND: { code: 'NOT_FOUND', status: 404 },
  BAD_USER_INPUT: {
    code: 'BAD_USER_INPUT',
    status: 400,
    extensions: { fields: [{ field: 'email', message: 'is not an email address' }] },
  },
  CONFLICT: { code: 'CONFLICT', status: 409 },
  INVALID_CREDENTIALS: { code: 'INVALID_CREDENTIALS', status: 401 },
  ACCOUNT_LOCKED: { code: 'ACCOUNT_LOCKED', status: 423, extensions: { lockedUntil: '2026-11-30T10:15:00.000Z' } },
  INVALID_TOKEN: { code: 'INVALID_TOKEN', status: 400, extensions: { field: 'token' } },
  NOT_ELIGIBLE: {
    code: 'NOT_ELIGIBLE',
    status: 409,
    extensions: { failures: [{ criterion: 'IMAGES', summary: 'Add at least 8 images.' }] },
  },
  CLAIMED_BY_OTHER: {
    code: 'CONFLICT',
    status: 409,
    extensions: { holder: { name: 'Rita Reviewer', claimedAt: '2026-11-30T09:00:00.000Z' } },
  },
  UPLOAD_REFUSED: {
    code: 'BAD_USER_INPUT',
    status: 400,
    extensions: { fields: [{ field: 'file', message: 'the file is empty' }], rule: 'EMPTY' },
  },
  // A bug in the program, not something the caller can fix: masked.
  INVALID_OUTBOX_EMAIL: null,
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    status: 429,
    extensions: { limit: 'graphql-ip', max: 300, retryAfterSeconds: 42 },
  },
  LABEL_TEXT_UNPRINTABLE: {
    code: 'BAD_USER_INPUT',
    status: 400,
    extensions: {
      fields: [{ field: 'returnAddress.lines[0]', message: 'the label font cannot print "Ł"' }],
      reason: 'LABEL_TEXT_UNPRINTABLE',
    },
  },
  LABEL_ADDRESS_TOO_LONG: {
    code: 'BAD_USER_INPUT',
    status: 400,
    extensions: {
      fields: [{ field: 'returnAddress', message: 'needs more than 7 lines' }],
      reason: 'LABEL_ADDRESS_TOO_LONG',
    },
  },
  PREPAID_LABEL_REFUSED: {
    code: 'BAD_USER_INPUT',
    status: 400,
    extensions: { fields: [{ field: 'upload', message: 'a label has 1 to 4 pages; this PDF has 9' }], reason: 'PAGES' },
  },
  NOT_APPROVED: { code: 'NOT_APPROVED', status: 403, extensions: { reason: 'IN_REVIEW', field: 'marketplace' } },
  RMA_TAKEN: { code: 'CONFLICT', status: 409, extensions: { reason: 'RMA_TAKEN', field: 'rma' } },
  RETURN_REFUSED: { code: 'CONFLICT', status: 409, extensions: { reason: 'BEFORE_DEADLINE' } },
  COMPLAINT_ALREADY_INVALIDATED: {
    code: 'CONFLICT',
    status: 409,
    extensions: { reason: 'COMPLAINT_ALREADY_INVALIDATED', invalidatedAt: '2026-11-30T09:00:00.000Z' },
  },
};

describe('publicErrorOf: what services throw, as clients see it', () => {
  it.each(Object.keys(SAMPLES) as AppErrorCode[])('maps %s', (code) => {
    const error = SAMPLES[code];
    const expected = EXPECTED[code];
    const mapped = publicErrorOf(error);
    if (expected === null) {
      expect(mapped).toBeNull();
      return;
    }
    expect(mapped).toEqual({
      code: expected.code,
      status: expected.status,
      message: error.message,
      extensions: expected.extensions ?? {},
    });
    // Extensions travel as JSON: nothing in them may change on the way.
    expect(JSON.parse(JSON.stringify(mapped?.extensions))).toEqual(mapped?.extensions);
  });

  it('answers 413 for a file over the limit or the quota, still as BAD_USER_INPUT about the field "file"', () => {
    const mapped = publicErrorOf(new UploadRefusedError('TOO_LARGE', '12.0 MB is over the 10 MB limit'));
    expect(mapped).toMatchObject({ code: 'BAD_USER_INPUT', status: 413, extensions: { rule: 'TOO_LARGE' } });
    const quota = publicErrorOf(new UploadRefusedError('QUOTA', 'over the 500 MB quota'));
    expect(quota).toMatchObject({ code: 'BAD_USER_INPUT', status: 413, extensions: { rule: 'QUOTA' } });
    const pixels = publicErrorOf(new UploadRefusedError('DECODED_SIZE', 'too many pixels'));
    expect(pixels).toMatchObject({ code: 'BAD_USER_INPUT', status: 400, extensions: { rule: 'DECODED_SIZE' } });
  });

  it('says who holds a claim even when the reviewer is gone', () => {
    const mapped = publicErrorOf(claimedByOther({ name: null, claimedAt: null }));
    expect(mapped?.message).toBe('Another reviewer claimed this application; it is theirs to decide.');
    expect(mapped?.extensions).toEqual({ holder: { name: null, claimedAt: null } });
  });

  it('masks anything that is not a refusal', () => {
    expect(publicErrorOf(new Error('connection refused'))).toBeNull();
    expect(publicErrorOf('a string')).toBeNull();
    expect(publicErrorOf(null)).toBeNull();
  });
});

class SampleDomainError extends DomainError {
  constructor(readonly code: DomainErrorCode) {
    super(`rule broken: ${code}`);
  }
}

/** Every domain code: the Record type makes this fail to compile when the domain gains a code. */
const DOMAIN_EXPECTED: Readonly<Record<DomainErrorCode, { code: ErrorCode; extensions: object } | null>> = {
  INVALID_TRANSITION: { code: 'CONFLICT', extensions: { reason: 'INVALID_TRANSITION' } },
  ALREADY_APPROVED: { code: 'CONFLICT', extensions: { reason: 'ALREADY_APPROVED', field: 'marketplace' } },
  OPEN_APPLICATION: { code: 'CONFLICT', extensions: { reason: 'OPEN_APPLICATION', field: 'marketplace' } },
  NO_POLICY_IN_FORCE: { code: 'CONFLICT', extensions: { reason: 'NO_POLICY_IN_FORCE' } },
  MISSING_EXCHANGE_RATE: { code: 'CONFLICT', extensions: { reason: 'MISSING_EXCHANGE_RATE' } },
  INVALID_MONEY: { code: 'BAD_USER_INPUT', extensions: { fields: [], reason: 'INVALID_MONEY' } },
  INVALID_ISO_DATE: { code: 'BAD_USER_INPUT', extensions: { fields: [], reason: 'INVALID_ISO_DATE' } },
  INVALID_INVOICE: { code: 'BAD_USER_INPUT', extensions: { fields: [], reason: 'INVALID_INVOICE' } },
  CURRENCY_MISMATCH: null,
  INVALID_EXCHANGE_RATE: null,
  INVALID_RATIO: null,
  ZERO_DENOMINATOR: null,
  INVALID_TIME_ZONE: null,
};

describe('publicErrorOf: domain rules', () => {
  it.each(Object.keys(DOMAIN_EXPECTED) as DomainErrorCode[])('maps %s', (code) => {
    const expected = DOMAIN_EXPECTED[code];
    const mapped = publicErrorOf(new SampleDomainError(code));
    if (expected === null) {
      expect(mapped).toBeNull();
      return;
    }
    expect(mapped).toMatchObject({
      code: expected.code,
      message: `rule broken: ${code}`,
      extensions: expected.extensions,
    });
  });

  it('an illegal transition is a CONFLICT, not an internal error', () => {
    let thrown: unknown;
    try {
      nextStatus('APPROVED', 'SUBMIT');
    } catch (error) {
      thrown = error;
    }
    expect(publicErrorOf(thrown)).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      extensions: { reason: 'INVALID_TRANSITION' },
    });
  });
});
