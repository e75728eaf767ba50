import { describe, expect, it } from 'vitest';

import { APPLICATION_STATUSES, type ApplicationStatus } from './application-lifecycle.js';
import {
  approvalGrants,
  assertCanApply,
  CannotApplyError,
  checkCanApply,
  type ExistingApplication,
} from './marketplace-rules.js';

describe('approvalGrants', () => {
  it.each([
    ['US', ['CA']],
    ['CA', []],
    ['MX', []],
  ] as const)('an approval in %s also grants %j', (marketplace, expected) => {
    expect(approvalGrants(marketplace)).toEqual(expected);
  });
});

const app = (
  marketplace: ExistingApplication['marketplace'],
  status: ApplicationStatus,
  grantedThrough: ExistingApplication['grantedThrough'] = null,
): ExistingApplication => ({ marketplace, status, grantedThrough });

const ALREADY_CA_THROUGH_US = {
  code: 'ALREADY_APPROVED',
  message: 'You are already approved in CA through your US approval.',
};

describe('checkCanApply', () => {
  it('lets a seller with no applications apply anywhere', () => {
    expect(checkCanApply('US', [])).toBeNull();
    expect(checkCanApply('CA', [])).toBeNull();
    expect(checkCanApply('MX', [])).toBeNull();
  });

  it.each([
    ['US', [app('US', 'APPROVED')], { code: 'ALREADY_APPROVED', message: 'You are already approved in US.' }],
    ['MX', [app('MX', 'APPROVED')], { code: 'ALREADY_APPROVED', message: 'You are already approved in MX.' }],
    ['CA', [app('CA', 'APPROVED')], { code: 'ALREADY_APPROVED', message: 'You are already approved in CA.' }],
    // The CA grant as recorded, and the US approval alone: both say so.
    ['CA', [app('US', 'APPROVED'), app('CA', 'APPROVED', 'US')], ALREADY_CA_THROUGH_US],
    ['CA', [app('CA', 'APPROVED', 'US')], ALREADY_CA_THROUGH_US],
    ['CA', [app('US', 'APPROVED')], ALREADY_CA_THROUGH_US],
    // grantedThrough left out is a direct approval.
    [
      'CA',
      [{ marketplace: 'CA', status: 'APPROVED' }],
      { code: 'ALREADY_APPROVED', message: 'You are already approved in CA.' },
    ],
    // A direct approval is reported before a grant.
    [
      'CA',
      [app('US', 'APPROVED'), app('CA', 'APPROVED')],
      { code: 'ALREADY_APPROVED', message: 'You are already approved in CA.' },
    ],
    // An approval is reported before an open application.
    ['CA', [app('CA', 'DRAFT'), app('US', 'APPROVED')], ALREADY_CA_THROUGH_US],
  ] as const)('refuses %s with %j', (marketplace, existing, expected) => {
    expect(checkCanApply(marketplace, existing)).toEqual(expected);
  });

  it.each([
    ['US', [app('CA', 'APPROVED')]], // CA does not grant US
    ['US', [app('MX', 'APPROVED')]],
    ['MX', [app('US', 'APPROVED'), app('CA', 'APPROVED', 'US')]], // MX needs its own application
    ['CA', [app('MX', 'APPROVED')]],
    ['CA', [app('US', 'SUBMITTED')]], // only an approval grants
    ['CA', [app('US', 'REJECTED')]],
    ['US', [app('US', 'REJECTED')]], // a rejected seller may apply again
    ['US', [app('US', 'WITHDRAWN')]],
    ['US', [app('US', 'REJECTED'), app('US', 'WITHDRAWN'), app('CA', 'DRAFT')]],
  ] as const)('lets the seller apply in %s given %j', (marketplace, existing) => {
    expect(checkCanApply(marketplace, existing)).toBeNull();
  });

  it.each([
    ['DRAFT', 'draft; continue that draft, or withdraw it before starting another.'],
    ['SUBMITTED', 'submitted; wait for its decision, or withdraw it before starting another.'],
    ['IN_REVIEW', 'in review; a reviewer is deciding it now.'],
    [
      'NEEDS_INFO',
      'waiting for more information; add the requested information and resubmit it, or withdraw it before starting another.',
    ],
  ] as const)('refuses a second application while one is %s', (status, rest) => {
    expect(checkCanApply('MX', [app('MX', 'REJECTED'), app('MX', status)])).toEqual({
      code: 'OPEN_APPLICATION',
      message: `You already have an application in MX that is ${rest}`,
    });
  });

  it('blocks only on open statuses', () => {
    const blocking = APPLICATION_STATUSES.filter((status) => checkCanApply('MX', [app('MX', status)]) !== null);
    expect(blocking).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'NEEDS_INFO']);
  });
});

describe('assertCanApply', () => {
  it('throws the refusal as a typed error', () => {
    let thrown: unknown;
    try {
      assertCanApply('CA', [app('US', 'APPROVED')]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CannotApplyError);
    expect((thrown as CannotApplyError).code).toBe('ALREADY_APPROVED');
    expect((thrown as CannotApplyError).marketplace).toBe('CA');
    expect((thrown as CannotApplyError).message).toBe(ALREADY_CA_THROUGH_US.message);
  });

  it('throws OPEN_APPLICATION for an open one, nothing when allowed', () => {
    expect(() => assertCanApply('US', [app('US', 'IN_REVIEW')])).toThrow(
      expect.objectContaining({ code: 'OPEN_APPLICATION' }),
    );
    expect(() => assertCanApply('US', [app('US', 'REJECTED')])).not.toThrow();
  });
});
