import { describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../../generated/graphql';
import { claimStanding, type ClaimStanding } from './claim';

const rita = { user: { displayName: 'Rita Reviewer' } };

describe('claimStanding', () => {
  it.each<[ApplicationStatus, string | null, ClaimStanding]>([
    ['SUBMITTED', null, 'UNCLAIMED'],
    ['IN_REVIEW', 'Rita Reviewer', 'MINE'],
    ['IN_REVIEW', 'Rob Reviewer', 'OTHERS'],
    ['IN_REVIEW', null, 'OTHERS'],
    ['APPROVED', null, 'NOT_IN_QUEUE'],
    ['REJECTED', null, 'NOT_IN_QUEUE'],
    ['NEEDS_INFO', null, 'NOT_IN_QUEUE'],
    ['WITHDRAWN', null, 'NOT_IN_QUEUE'],
    ['DRAFT', null, 'NOT_IN_QUEUE'],
  ])('%s claimed by %s is %s for Rita', (status, claimedByName, expected) => {
    expect(claimStanding({ status, claimedByName }, rita)).toBe(expected);
  });
});
