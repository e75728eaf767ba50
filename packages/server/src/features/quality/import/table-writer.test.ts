import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newRowId } from './table-writer.js';

describe('newRowId', () => {
  it('makes version 7 UUIDs, ordered by their millisecond, all different', async () => {
    const before = Date.now();
    const ids = Array.from({ length: 5_000 }, () => newRowId());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = newRowId();
    for (const id of ids) {
      expect(validate(id) && version(id)).toBe(7);
      expect(id[19]).toMatch(/[89ab]/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const millisecond = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(millisecond(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(millisecond(later)).toBeGreaterThan(millisecond(ids[0]!));
    expect(later > ids[ids.length - 1]!).toBe(true);
  });
});
