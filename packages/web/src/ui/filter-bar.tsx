import { MARKETPLACE_CODES, MARKETPLACES, type MarketplaceCode } from '@recertify/domain';
import type { ReactNode } from 'react';
import './filter-bar.css';

/*
 * The filter bar of a queue (the review queue, the returns queue): chips that combine, each with
 * how many rows it would show, grouped and named for screen readers. What a page filters on, how
 * its counts read and where its filters live in the address stay with the page; this draws them.
 */

/** The bar: a search landmark named by `label`, its groups and controls wrapping as room allows. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filter-bar" role="search" aria-label={label}>
      {children}
    </div>
  );
}

/** A group of chips, named by its label (shown, and read out as the group's name). */
export function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filter-chip-group" role="group" aria-label={label}>
      <span className="filter-chip-group-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </div>
  );
}

export interface ChipProps {
  label: string;
  /** The chip's longer name, as a tooltip (a marketplace's name beside its code). */
  title?: string | undefined;
  /**
   * How many rows the chip would show, as the page writes it; left out while the counts load. The
   * page formats it, so a count can be a number or anything else it draws.
   */
  count?: ReactNode;
  pressed: boolean;
  /** The count calls for attention (overdue, out of policy): the page says when, usually when it is not 0. */
  alert?: boolean | undefined;
  onPress: () => void;
}

/** A toggle button; `aria-pressed` says whether it is part of the filter. */
export function Chip({ label, title, count, pressed, alert, onPress }: ChipProps) {
  const classes = ['filter-chip', pressed ? 'filter-chip-pressed' : '', alert ? 'filter-chip-alert' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={classes} aria-pressed={pressed} title={title} onClick={onPress}>
      {label}
      {count !== undefined && (
        <span className="filter-chip-count">
          <span className="visually-hidden">: </span>
          {count}
        </span>
      )}
    </button>
  );
}

export interface ChoiceChip<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly title?: string | undefined;
  readonly count?: ReactNode;
  readonly alert?: boolean | undefined;
}

interface ChoiceChipsProps<V extends string> {
  /** The group's name, e.g. "State". */
  label: string;
  /** The chip that chooses none of them, e.g. "All" or "Any time". */
  anyLabel: string;
  anyCount?: ReactNode;
  /** The chosen value; null for any. */
  value: V | null;
  choices: ReadonlyArray<ChoiceChip<V>>;
  onChange: (value: V | null) => void;
}

/**
 * One value of several, or any: the "any" chip, then a chip per value. Pressing the chosen chip
 * again goes back to any.
 */
export function ChoiceChips<V extends string>({
  label,
  anyLabel,
  anyCount,
  value,
  choices,
  onChange,
}: ChoiceChipsProps<V>) {
  return (
    <ChipGroup label={label}>
      <Chip label={anyLabel} count={anyCount} pressed={value === null} onPress={() => onChange(null)} />
      {choices.map((choice) => (
        <Chip
          key={choice.value}
          label={choice.label}
          title={choice.title}
          count={choice.count}
          alert={choice.alert}
          pressed={value === choice.value}
          onPress={() => onChange(value === choice.value ? null : choice.value)}
        />
      ))}
    </ChipGroup>
  );
}

/** The marketplaces as chips, by code, each named in full in its tooltip; `countOf` is the page's. */
export function MarketplaceChips({
  value,
  countOf,
  onChange,
}: {
  value: MarketplaceCode | null;
  countOf: (marketplace: MarketplaceCode) => ReactNode;
  onChange: (marketplace: MarketplaceCode | null) => void;
}) {
  return (
    <ChoiceChips
      label="Marketplace"
      anyLabel="All"
      value={value}
      choices={MARKETPLACE_CODES.map((code) => ({
        value: code,
        label: code,
        title: MARKETPLACES[code].name,
        count: countOf(code),
      }))}
      onChange={onChange}
    />
  );
}
