import type { ReactNode } from 'react';
import { describeError } from './graphql-errors';

/** A state's heading sits one level below the heading of what it stands in for: 2 on a page, 3 in a section. */
type HeadingLevel = 2 | 3;

function StateHeading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  return level === 3 ? <h3>{children}</h3> : <h2>{children}</h2>;
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorState({
  title,
  error,
  onRetry,
  level = 2,
}: {
  title: string;
  /** An Apollo error (described for people: the API's message, or what failed on the way), or a message. */
  error: unknown;
  onRetry?: () => void;
  level?: HeadingLevel;
}) {
  return (
    <div className="state state-error" role="alert">
      <StateHeading level={level}>{title}</StateHeading>
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  level = 2,
}: {
  title: string;
  children?: ReactNode;
  level?: HeadingLevel;
}) {
  return (
    <div className="state state-empty">
      <StateHeading level={level}>{title}</StateHeading>
      {children && <p>{children}</p>}
    </div>
  );
}
