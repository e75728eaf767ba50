import { MARKETPLACE_CODES, MARKETPLACES } from '@recertify/domain';
import type { ReactNode } from 'react';
import type { DueFilter } from '../../../generated/graphql';
import type { ReviewQueueCountsFieldsFragment } from './review-queue.generated';
import { isFiltered, NO_QUEUE_FILTER, type QueueFilter, type QueueState } from './queue-filter';

interface Props {
  filter: QueueFilter;
  /** Each chip's count, as if the chip were added to the current filter; null until known. */
  counts: ReviewQueueCountsFieldsFragment | null;
  onChange: (filter: QueueFilter) => void;
}

/** The counts that are plain numbers (not per marketplace). */
type CountName = Exclude<keyof ReviewQueueCountsFieldsFragment, 'byMarketplace'>;

const DUE_CHIPS: ReadonlyArray<{ due: DueFilter; label: string; count: CountName }> = [
  { due: 'OVERDUE', label: 'Overdue', count: 'overdue' },
  { due: 'DUE_TODAY', label: 'Due today', count: 'dueToday' },
  { due: 'DUE_THIS_WEEK', label: 'Due this week', count: 'dueThisWeek' },
];

const STATE_CHIPS: ReadonlyArray<{ state: QueueState; label: string; count: CountName }> = [
  { state: 'SUBMITTED', label: 'Unclaimed', count: 'submitted' },
  { state: 'IN_REVIEW', label: 'In review', count: 'inReview' },
];

/**
 * The queue's filters as chips that combine, each with how many applications it would show.
 * Pressing the chosen chip of a group again goes back to "All" for that group.
 */
export function QueueFilterBar({ filter, counts, onChange }: Props) {
  const set = (change: Partial<QueueFilter>) => onChange({ ...filter, ...change });
  const marketplaceCount = (code: string) => counts?.byMarketplace.find((m) => m.marketplace === code)?.count;
  return (
    <div className="rv-queue-filters" role="search" aria-label="Filter the queue">
      <ChipGroup label="Marketplace">
        <Chip label="All" pressed={filter.marketplace === null} onPress={() => set({ marketplace: null })} />
        {MARKETPLACE_CODES.map((code) => (
          <Chip
            key={code}
            label={code}
            title={MARKETPLACES[code].name}
            count={marketplaceCount(code)}
            pressed={filter.marketplace === code}
            onPress={() => set({ marketplace: filter.marketplace === code ? null : code })}
          />
        ))}
      </ChipGroup>
      <ChipGroup label="State">
        <Chip label="All" pressed={filter.state === null} onPress={() => set({ state: null })} />
        {STATE_CHIPS.map(({ state, label, count }) => (
          <Chip
            key={state}
            label={label}
            count={counts?.[count]}
            pressed={filter.state === state}
            onPress={() => set({ state: filter.state === state ? null : state })}
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
            tone={due === 'OVERDUE' ? 'danger' : undefined}
            onPress={() => set({ due: filter.due === due ? null : due })}
          />
        ))}
      </ChipGroup>
      <ChipGroup label="Only">
        <Chip
          label="Apple requests"
          count={counts?.appleRequested}
          pressed={filter.appleRequested}
          onPress={() => set({ appleRequested: !filter.appleRequested })}
        />
        <Chip
          label="Failed checks"
          count={counts?.failedChecks}
          pressed={filter.failedChecks}
          onPress={() => set({ failedChecks: !filter.failedChecks })}
        />
      </ChipGroup>
      {isFiltered(filter) && (
        <button type="button" className="link-button rv-queue-filters-clear" onClick={() => onChange(NO_QUEUE_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
}

function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rv-chip-group" role="group" aria-label={label}>
      <span className="rv-chip-group-label" aria-hidden="true">
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
  tone?: 'danger' | undefined;
  onPress: () => void;
}) {
  const classes = ['rv-chip', pressed ? 'rv-chip-pressed' : '', tone === 'danger' && count ? 'rv-chip-danger' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={classes} aria-pressed={pressed} title={title} onClick={onPress}>
      {label}
      {count !== undefined && (
        <span className="rv-chip-count">
          <span className="visually-hidden">: </span>
          {count}
        </span>
      )}
    </button>
  );
}
