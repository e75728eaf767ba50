import { MARKETPLACE_CODES, MARKETPLACES, RETURN_REASON_CODES, RETURN_STATES } from '@recertify/domain';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { RETURN_REASON_NAMES, RETURN_STATE_LABELS } from '../../../ui/labels';
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

/** A count of a list of counts; 0 where the list has no entry; undefined while the counts load. */
function countIn<E extends { count: number }>(list: readonly E[] | undefined, matches: (entry: E) => boolean) {
  return list ? (list.find(matches)?.count ?? 0) : undefined;
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
    <div className="rt-filters" role="search" aria-label="Filter the returns">
      {/* Keyed by the search: Back and Forward change the address, and the box starts again from it. */}
      <SearchBox key={filter.search} search={filter.search} onSearch={(search) => set({ search })} />
      <ChipGroup label="State">
        <Chip label="All" count={counts?.total} pressed={filter.state === null} onPress={() => set({ state: null })} />
        {RETURN_STATES.map((state) => (
          <Chip
            key={state}
            label={RETURN_STATE_LABELS[state]}
            count={countIn(counts?.byState, (entry) => entry.state === state)}
            pressed={filter.state === state}
            onPress={() => set({ state: filter.state === state ? null : state })}
          />
        ))}
      </ChipGroup>
      <ChipGroup label="Policy">
        <Chip label="Any" pressed={filter.policy === null} onPress={() => set({ policy: null })} />
        {POLICY_CHIPS.map(({ policy, label, count }) => (
          <Chip
            key={policy}
            label={label}
            count={counts?.[count]}
            pressed={filter.policy === policy}
            tone={policy === 'OUT_OF_POLICY' ? 'warning' : undefined}
            onPress={() => set({ policy: filter.policy === policy ? null : policy })}
          />
        ))}
      </ChipGroup>
      <ChipGroup label="Marketplace">
        <Chip label="All" pressed={filter.marketplace === null} onPress={() => set({ marketplace: null })} />
        {MARKETPLACE_CODES.map((code) => (
          <Chip
            key={code}
            label={code}
            title={MARKETPLACES[code].name}
            count={countIn(counts?.byMarketplace, (entry) => entry.marketplace === code)}
            pressed={filter.marketplace === code}
            onPress={() => set({ marketplace: filter.marketplace === code ? null : code })}
          />
        ))}
      </ChipGroup>
      <ChipGroup label="Due">
        <Chip label="Any time" pressed={filter.due === null} onPress={() => set({ due: null })} />
        {DUE_CHIPS.map(({ due, label, count }) => (
          <Chip
            key={due}
            label={label}
            count={counts?.[count]}
            pressed={filter.due === due}
            onPress={() => set({ due: filter.due === due ? null : due })}
          />
        ))}
      </ChipGroup>
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
    </div>
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

function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rt-chip-group" role="group" aria-label={label}>
      <span className="rt-chip-group-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </div>
  );
}

function Chip({
  label,
  title,
  count,
  pressed,
  tone,
  onPress,
}: {
  label: string;
  title?: string;
  count?: number | undefined;
  pressed: boolean;
  tone?: 'warning' | undefined;
  onPress: () => void;
}) {
  const classes = ['rt-chip', pressed ? 'rt-chip-pressed' : '', tone === 'warning' && count ? 'rt-chip-warning' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={classes} aria-pressed={pressed} title={title} onClick={onPress}>
      {label}
      {count !== undefined && (
        <span className="rt-chip-count">
          <span className="visually-hidden">: </span>
          {count}
        </span>
      )}
    </button>
  );
}
