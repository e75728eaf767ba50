import { useState } from 'react';
import { describeError } from './graphql-errors';

interface Props {
  /** The cursor after the last row shown; null or undefined when there is no next page. */
  after: string | null | undefined;
  /** Fetches the page after `after` and adds it to the rows shown (Apollo's `fetchMore`). */
  onLoad: (after: string) => Promise<unknown>;
  /** What the alert says when a page fails, before the reason: "More offers could not be loaded". */
  failure: string;
  /** The button's text. */
  label?: string;
  /** A class for a box around the button, where the page lays it out. */
  className?: string;
}

/**
 * "Load more" under a list: one page at a time (the button is disabled while one loads), and a
 * page that fails says why above the button while the rows already shown stay.
 */
export function LoadMore({ after, onLoad, failure, label = 'Load more', className }: Props) {
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
      {loading ? 'Loading more…' : label}
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
