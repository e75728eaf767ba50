import { describe, expect, it } from 'vitest';
import { API_SCOPES, maskedKey, scopeLabel, scopesGrantedTo } from './api-scopes';

describe('API scopes', () => {
  it('offers sellers the four seller scopes of SPEC section 8, and providers theirs', () => {
    expect(scopesGrantedTo('SELLER').map(scopeLabel)).toEqual([
      'read:applications',
      'read:quality',
      'read:returns',
      'write:returns',
    ]);
    expect(scopesGrantedTo('PROVIDER').map(scopeLabel)).toEqual(['provider:returns']);
    expect(scopesGrantedTo('MARKETPLACE').map(scopeLabel)).toEqual(['ingest:marketplace-data']);
  });

  it.each(Object.entries(API_SCOPES))('labels %s in the "area:action" form API users write', (scope, info) => {
    // READ_APPLICATIONS -> read:applications: the label is the enum value with its first "_" as ":"
    // and any later one as "-" (INGEST_MARKETPLACE_DATA -> ingest:marketplace-data).
    expect(info.label).toBe(scope.toLowerCase().replace('_', ':').replaceAll('_', '-'));
    expect(info.description).toMatch(/^[A-Z].*\.$/);
  });
});

describe('maskedKey', () => {
  it('shows the public prefix in the shape of the key', () => {
    expect(maskedKey('0a1b2c3d4e5f')).toBe('rcf_0a1b2c3d4e5f_…');
  });
});
