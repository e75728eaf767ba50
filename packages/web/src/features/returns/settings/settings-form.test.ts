import { describe, expect, it } from 'vitest';
import {
  authorizationPreview,
  rmaPrefixProblem,
  settingsProblems,
  skusFromText,
  type ReturnSettingsValues,
} from './settings-form';

const values: ReturnSettingsValues = {
  automaticInPolicy: false,
  automaticOutOfPolicy: false,
  prepaidExemptSkus: [],
  exemptSkuAuthorization: 'MANUAL',
  rmaPrefix: null,
};

describe('settings form', () => {
  it('reads SKUs one per line or comma-separated', () => {
    expect(skusFromText(' A-1 \n\nB-2, C-3 \n')).toEqual(['A-1', 'B-2', 'C-3']);
  });

  it.each([
    ['', null],
    ['EVG', null],
    ['evg2026', null],
    ['TOOLONGXX', 'A prefix has at most 8 characters; this one has 9.'],
    ['EV-G', 'A prefix holds only letters A-Z and digits.'],
  ])('RMA prefix %j', (prefix, problem) => {
    expect(rmaPrefixProblem(prefix)).toBe(problem);
  });

  it('names the exempt SKUs listed twice, with the domain rule', () => {
    expect(settingsProblems({ ...values, prepaidExemptSkus: ['A', 'A'], rmaPrefix: 'E-' })).toEqual({
      prepaidExemptSkus: 'A is listed twice.',
      rmaPrefix: 'A prefix holds only letters A-Z and digits.',
    });
    expect(settingsProblems(values)).toEqual({});
  });

  it('previews what happens to the next requests', () => {
    expect(authorizationPreview('INDIVIDUAL', values).map((p) => p.explanation)).toEqual([
      'Waiting for your review: you review in-policy returns yourself; you can switch to automatic authorization.',
      'Waiting for your review: out-of-policy requests are reviewed by you.',
    ]);
    const preview = authorizationPreview('PROFESSIONAL', {
      ...values,
      automaticOutOfPolicy: true,
      prepaidExemptSkus: ['PH-12'],
      exemptSkuAuthorization: 'AUTOMATIC',
    });
    expect(preview.map((p) => p.situation)).toEqual([
      'A request in policy',
      'A request out of policy',
      'A request in policy for PH-12',
    ]);
    expect(preview[0]?.explanation).toMatch(/^Authorized automatically: the in-policy returns of professional sellers/);
    expect(preview[1]?.explanation).toMatch(/^Authorized automatically with an unpaid label/);
    expect(preview[2]?.explanation).toMatch(/SKU PH-12 is exempt from the prepaid-label program/);
  });
});
