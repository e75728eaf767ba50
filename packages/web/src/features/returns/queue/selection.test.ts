import { describe, expect, it } from 'vitest';
import {
  BULK_MAX,
  NO_SELECTION,
  pageSelection,
  selectedIds,
  selectPage,
  toggleSelected,
  togglePage,
} from './selection';

const page = ['a', 'b', 'c'];

describe('selection', () => {
  it('toggles one row on and off', () => {
    const once = toggleSelected(NO_SELECTION, 'b');
    expect([...once]).toEqual(['b']);
    expect([...toggleSelected(once, 'b')]).toEqual([]);
  });

  it.each([
    ['nothing selected', [], 'none'],
    ['one of three', ['a'], 'some'],
    ['all three', ['a', 'b', 'c'], 'all'],
    ['rows of another page only', ['x', 'y'], 'none'],
  ] as const)('the page checkbox with %s reads %s', (_case, chosen, expected) => {
    expect(pageSelection(new Set(chosen), page)).toBe(expected);
  });

  it('selects the whole page from none or some, and clears it from all, keeping other pages', () => {
    const other = new Set(['x', 'a']);
    const all = togglePage(other, page);
    expect(selectedIds(all, page)).toEqual(['a', 'b', 'c', 'x']);
    expect(selectedIds(togglePage(all, page))).toEqual(['x']);
  });

  it(`never holds more than ${BULK_MAX} ids, one by one or a page at a time`, () => {
    const full = selectPage(
      NO_SELECTION,
      Array.from({ length: BULK_MAX }, (_, i) => `r${i}`),
      true,
    );
    expect(full.size).toBe(BULK_MAX);
    expect(toggleSelected(full, 'one-more').size).toBe(BULK_MAX);
    expect(selectPage(full, ['p', 'q'], true).size).toBe(BULK_MAX);
    // Taking one off is always allowed.
    expect(toggleSelected(full, 'r0').size).toBe(BULK_MAX - 1);
  });

  it('lists the selection in the page order first', () => {
    expect(selectedIds(new Set(['z', 'c', 'a']), page)).toEqual(['a', 'c', 'z']);
  });
});
