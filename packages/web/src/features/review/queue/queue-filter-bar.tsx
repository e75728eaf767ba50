import type { DueFilter } from '../../../generated/graphql';
import { Chip, ChipGroup, ChoiceChips, FilterBar, MarketplaceChips } from '../../../ui/filter-bar';
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
  return (
    <FilterBar label="Filter the queue">
      <MarketplaceChips
        value={filter.marketplace}
        countOf={(code) => counts?.byMarketplace.find((m) => m.marketplace === code)?.count}
        onChange={(marketplace) => set({ marketplace })}
      />
      <ChoiceChips
        label="State"
        anyLabel="All"
        value={filter.state}
        choices={STATE_CHIPS.map(({ state, label, count }) => ({ value: state, label, count: counts?.[count] }))}
        onChange={(state) => set({ state })}
      />
      <ChoiceChips
        label="Due"
        anyLabel="Any time"
        value={filter.due}
        choices={DUE_CHIPS.map(({ due, label, count }) => ({
          value: due,
          label,
          count: counts?.[count],
          alert: due === 'OVERDUE' && Boolean(counts?.[count]),
        }))}
        onChange={(due) => set({ due })}
      />
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
    </FilterBar>
  );
}
