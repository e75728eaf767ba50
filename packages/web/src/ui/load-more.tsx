import { useState } from 'react';
import type { PageInfoFieldsFragment } from '../graphql/connection.generated';
import { describeError } from './graphql-errors';

interface Props {
  /** Where the rows shown end (the list's PageInfoFields): no button when there is no next page. */
  pageInfo: PageInfoFieldsFragment;
  /** Fetches the page after the cursor and adds it to the rows shown (Apollo's `fetchMore`). */
  onLoad: (after: string) => Promise<unknown>;
  /** What the alert says when a page fails, before the reason: "More offers could not be loaded". */
  failure: string;
  /** The button's text. */
  label?: string;
  /** The button's text while a page loads. */
  busyLabel?: string;
  /** A class for a box around the button, where the page lays it out. */
  className?: string;
}

/**
 * "Load more" under a list: one page at a time (the button is disabled while one loads), and a
 * page that fails says why above the button while the rows already shown stay.
 */
export function LoadMore({
  pageInfo,
  onLoad,
  failure,
  label = 'Load more',
  busyLabel = 'Loading more…',
  className,
}: Props) {
  const after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = async (cursor: string) => {
    setLoading(true);
    setError(null);
    try {
      await onLoad(cursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  const button = after && (
    <button type="button" className="button button-secondary" disabled={loading} onClick={() => void load(after)}>
      {loading ? busyLabel : label}
    </button>
  );
  return (
    <>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {failure}: {describeError(error)}
        </p>
      )}
      {button && className ? <div className={className}>{button}</div> : button}
    </>
  );
}

/** A list as a page of it is selected: its rows, each with an id. */
interface RowsOfPage {
  edges: ReadonlyArray<{ node: { id: string } }>;
}

/**
 * `fetchMore`'s updateQuery for the list at `field`: the next page's rows after those shown, none
 * repeated (the list may have shifted between the two pages); counts and paging come from the
 * newer answer.
 */
export function appendPage<F extends string>(field: F) {
  return <Q extends Record<F, RowsOfPage>>(shown: Q, { fetchMoreResult: next }: { fetchMoreResult: Q }): Q => {
    const seen = new Set(shown[field].edges.map((edge) => edge.node.id));
    const edges = [...shown[field].edges, ...next[field].edges.filter((edge) => !seen.has(edge.node.id))];
    return { ...next, [field]: { ...next[field], edges } };
  };
}
