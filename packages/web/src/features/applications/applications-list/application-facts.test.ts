import { describe, expect, it } from 'vitest';
import type { MyApplicationRowFragment } from './applications-list.generated';
import { applicationFacts } from './marketplace-applications-card';

const base: MyApplicationRowFragment = {
  id: 'a1',
  marketplace: 'US',
  status: 'DRAFT',
  version: 1,
  // The record was made when demo data was loaded, long after the seller first submitted it.
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
  submittedAt: null,
  firstSubmittedAt: null,
  decidedAt: null,
  dueDate: null,
};

describe('applicationFacts', () => {
  it('a draft never submitted: when it was started', () => {
    expect(applicationFacts(base)).toEqual(['Started 30 Nov 2026']);
  });

  it('a submitted application: the first submission date, not when the record was made', () => {
    const submitted = {
      ...base,
      status: 'SUBMITTED' as const,
      submittedAt: '2026-10-01T14:05:00.000Z',
      firstSubmittedAt: '2026-10-01T14:05:00.000Z',
      dueDate: '2026-10-15',
    };
    expect(applicationFacts(submitted)).toEqual(['First submitted 1 Oct 2026', 'decision due 15 Oct 2026']);
  });

  it('a resubmitted, decided application: first submitted, resubmitted, decided', () => {
    const decided = {
      ...base,
      status: 'REJECTED' as const,
      firstSubmittedAt: '2026-09-01T10:00:00.000Z',
      submittedAt: '2026-10-01T10:00:00.000Z',
      decidedAt: '2026-10-05T10:00:00.000Z',
      dueDate: '2026-10-15',
    };
    expect(applicationFacts(decided)).toEqual([
      'First submitted 1 Sep 2026',
      'resubmitted 1 Oct 2026',
      'decided 5 Oct 2026',
    ]);
  });
});
