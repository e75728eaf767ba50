/*
 * Which returns of the queue are selected for a bulk action, as a pure value: a set of ids that
 * outlives a page (a seller can pick on page 1, go to page 2, pick more) and that the page prunes
 * when rows are gone. The server takes at most BULK_MAX ids in one call.
 */

export const BULK_MAX = 1000;

export type Selection = ReadonlySet<string>;

export const NO_SELECTION: Selection = new Set();

/** The header checkbox of a page: none, some (indeterminate) or all of the page's rows are selected. */
export type PageSelection = 'none' | 'some' | 'all';

export function toggleSelected(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else if (next.size < BULK_MAX) next.add(id);
  return next;
}

/** Selects (or deselects) every row of the page; never more than BULK_MAX in all. */
export function selectPage(selection: Selection, pageIds: readonly string[], selected: boolean): Selection {
  const next = new Set(selection);
  for (const id of pageIds) {
    if (!selected) next.delete(id);
    else if (next.size < BULK_MAX) next.add(id);
  }
  return next;
}

export function pageSelection(selection: Selection, pageIds: readonly string[]): PageSelection {
  const chosen = pageIds.filter((id) => selection.has(id)).length;
  if (chosen === 0) return 'none';
  return chosen === pageIds.length ? 'all' : 'some';
}

/** The header checkbox toggles to "all" unless the whole page is already selected. */
export function togglePage(selection: Selection, pageIds: readonly string[]): Selection {
  return selectPage(selection, pageIds, pageSelection(selection, pageIds) !== 'all');
}

/** The selected ids in the page's order first, then the rest as they were chosen: the order rows are reported in. */
export function selectedIds(selection: Selection, order: readonly string[] = []): string[] {
  const inOrder = order.filter((id) => selection.has(id));
  const shown = new Set(inOrder);
  return [...inOrder, ...[...selection].filter((id) => !shown.has(id))];
}
