import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the address, so a filtered list can be bookmarked, shared and reached
 * with Back: the filter as `read` finds it in the query string, and a setter that writes a new one
 * with `write`, leaving the parameters the filter does not own as they are.
 */
export function useFilterInAddress<F>(
  read: (params: URLSearchParams) => F,
  write: (filter: F, current: URLSearchParams) => URLSearchParams,
): readonly [F, (filter: F) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => read(searchParams), [read, searchParams]);
  return [filter, (next: F) => setSearchParams(write(next, searchParams))];
}

/** The key whose word in the address is `value` (`{ OVERDUE: 'overdue' }`, 'overdue' -> OVERDUE); null for none. */
export function keyOfParam<K extends string>(table: Readonly<Record<K, string>>, value: string | null): K | null {
  const entry = Object.entries(table).find(([, param]) => param === value);
  return entry ? (entry[0] as K) : null;
}
