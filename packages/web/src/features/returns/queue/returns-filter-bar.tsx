import { RETURN_REASON_CODES, RETURN_STATES } from '@recertify/domain';
import { useId, useState, type FormEvent } from 'react';
import { ChoiceChips, FilterBar, MarketplaceChips } from '../../../ui/filter-bar';
import { RETURN_REASON_NAMES, RETURN_STATE_LABELS } from '../../../ui/labels';
import { formatCappedCount, type CappedCount } from '../../../ui/capped-count';
import type { ReturnsCounts } from './queue-types';
import {
  DUE_WITHIN_DAYS,
  isReturnsFiltered,
  RETURN_SEARCH_MAX_LENGTH,
  RETURN_SORTS,
  withoutReturnsFilters,
  type PolicyFilter,
  type ReturnDueFilter,
  type ReturnSort,
  type ReturnsFilter,
} from './returns-filter';

interface Props {
  filter: ReturnsFilter;
  /** Each chip's count, as if the chip were added to the current filter; null until known. */
  counts: ReturnsCounts | null;
  onChange: (filter: ReturnsFilter) => void;
}

export const RETURN_SORT_LABELS: Readonly<Record<ReturnSort, string>> = {
  NEWEST: 'Newest request first',
  OLDEST: 'Oldest request first',
};

const POLICY_CHIPS: ReadonlyArray<{ policy: PolicyFilter; label: string; count: 'inPolicy' | 'outOfPolicy' }> = [
  { policy: 'IN_POLICY', label: 'In policy', count: 'inPolicy' },
  { policy: 'OUT_OF_POLICY', label: 'Out of policy', count: 'outOfPolicy' },
];

const DUE_CHIPS: ReadonlyArray<{ due: ReturnDueFilter; label: string; count: 'dueWithinWeek' }> = [
  { due: 'WITHIN_WEEK', label: `Deadline within ${DUE_WITHIN_DAYS} days`, count: 'dueWithinWeek' },
];

const NONE: CappedCount = { value: 0, atLeast: false };

/** A count as a chip reads it ("10,000+" where capped); undefined while the counts load. */
function shown(count: CappedCount | undefined): string | undefined {
  return count && formatCappedCount(count);
}

/** A count of a list of counts, as shown; 0 where the list has no entry; undefined while the counts load. */
function countIn<E extends { count: CappedCount }>(list: readonly E[] | undefined, matches: (entry: E) => boolean) {
  return list ? formatCappedCount(list.find(matches)?.count ?? NONE) : undefined;
}

/**
 * The queue's filters: chips that combine, each with how many returns it would show, a reason
 * list, a search by RMA or order and the order of the rows. Pressing a chosen chip again goes
 * back to "All" for its group. Manage Returns hides these behind a search form; here they are
 * one click each, and the counts say where the work is before anyone clicks.
 */
export function ReturnsFilterBar({ filter, counts, onChange }: Props) {
  const set = (change: Partial<ReturnsFilter>) => onChange({ ...filter, ...change });
  const reasonId = useId();
  const sortId = useId();
  return (
    <FilterBar label="Filter the returns">
      {/* Keyed by the search: Back and Forward change the address, and the box starts again from it. */}
      <SearchBox key={filter.search} search={filter.search} onSearch={(search) => set({ search })} />
      <ChoiceChips
        label="State"
        anyLabel="All"
        anyCount={shown(counts?.total)}
        value={filter.state}
        choices={RETURN_STATES.map((state) => ({
          value: state,
          label: RETURN_STATE_LABELS[state],
          count: countIn(counts?.byState, (entry) => entry.state === state),
        }))}
        onChange={(state) => set({ state })}
      />
      <ChoiceChips
        label="Policy"
        anyLabel="Any"
        value={filter.policy}
        choices={POLICY_CHIPS.map(({ policy, label, count }) => ({
          value: policy,
          label,
          count: shown(counts?.[count]),
          alert: policy === 'OUT_OF_POLICY' && (counts?.[count].value ?? 0) > 0,
        }))}
        onChange={(policy) => set({ policy })}
      />
      <MarketplaceChips
        value={filter.marketplace}
        countOf={(code) => countIn(counts?.byMarketplace, (entry) => entry.marketplace === code)}
        onChange={(marketplace) => set({ marketplace })}
      />
      <ChoiceChips
        label="Due"
        anyLabel="Any time"
        value={filter.due}
        choices={DUE_CHIPS.map(({ due, label, count }) => ({ value: due, label, count: shown(counts?.[count]) }))}
        onChange={(due) => set({ due })}
      />
      <div className="rt-filter-selects">
        <div className="field-inline">
          <label htmlFor={reasonId}>Reason</label>
          <select
            id={reasonId}
            value={filter.reason ?? ''}
            onChange={(event) => {
              const reason = RETURN_REASON_CODES.find((code) => code === event.target.value) ?? null;
              set({ reason });
            }}
          >
            <option value="">Any reason</option>
            {RETURN_REASON_CODES.map((code) => {
              const count = countIn(counts?.byReason, (entry) => entry.reason === code);
              return (
                <option key={code} value={code}>
                  {RETURN_REASON_NAMES[code]}
                  {count !== undefined ? ` (${count})` : ''}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={sortId}>Sort</label>
          <select
            id={sortId}
            value={filter.sort}
            onChange={(event) => {
              const sort = RETURN_SORTS.find((candidate) => candidate === event.target.value);
              if (sort) set({ sort });
            }}
          >
            {RETURN_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {RETURN_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
        {isReturnsFiltered(filter) && (
          <button type="button" className="link-button" onClick={() => onChange(withoutReturnsFilters(filter))}>
            Clear filters
          </button>
        )}
      </div>
    </FilterBar>
  );
}

/** A search sent on Enter or the button, not on every key: each search is a request. */
function SearchBox({ search, onSearch }: { search: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(search);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="rt-search" onSubmit={submit}>
      <label htmlFor={id}>Search by RMA or order</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={RETURN_SEARCH_MAX_LENGTH}
        placeholder="e.g. 7KQ2M-9XD4P or 112-4471"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button-secondary button-small">
        Search
      </button>
    </form>
  );
}
