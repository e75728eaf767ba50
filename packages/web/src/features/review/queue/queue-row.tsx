import { Link, useLocation } from 'react-router';
import type { ReviewQueueRowFragment } from './review-queue.generated';
import { DueText } from '../due-text';
import { MARKETPLACES } from '@recertify/domain';
import { formatDate, formatDateIn } from '../../../ui/format';
import { reviewPath, type ReviewLinkState } from '../review-paths';

/** One application of the queue: who, where, how long it has waited, how urgent, and what the checks found. */
export function QueueRow({ application }: { application: ReviewQueueRowFragment }) {
  const { id, seller, marketplace, submittedAt, due, dueDate, claimedByName } = application;
  const { search } = useLocation();
  const linkState: ReviewLinkState = { queueSearch: search };
  return (
    <tr className={due?.overdue ? 'queue-row rv-queue-row-overdue' : 'queue-row'} data-application-id={id}>
      <th scope="row">
        <Link to={reviewPath(id)} state={linkState}>
          {seller.name}
        </Link>
      </th>
      <td>
        <span className="marketplace-code">{marketplace}</span>
      </td>
      <td>{submittedAt ? formatDateIn(submittedAt, MARKETPLACES[marketplace].timeZone) : '—'}</td>
      <td>
        <span className="rv-due-date">{dueDate ? formatDate(dueDate) : '—'}</span>
        {due && <DueText due={due} />}
      </td>
      <td>
        <CheckSummary failing={application.failingChecks} toReview={application.checksNeedingReview} />
      </td>
      <td>{application.appleRequested ? <span className="rv-pill rv-pill-apple">Requested</span> : <Dash />}</td>
      <td>{claimedByName ?? <span className="muted">Unclaimed</span>}</td>
    </tr>
  );
}

/** "2 failing · 1 to review", or "All pass". */
export function CheckSummary({ failing, toReview }: { failing: number; toReview: number }) {
  if (failing === 0 && toReview === 0) return <span className="rv-pill rv-pill-pass">All pass</span>;
  return (
    <span className="rv-check-summary">
      {failing > 0 && <span className="rv-pill rv-pill-fail">{failing} failing</span>}
      {toReview > 0 && <span className="rv-pill rv-pill-review">{toReview} to review</span>}
    </span>
  );
}

function Dash() {
  return (
    <span className="muted" aria-label="Not requested">
      —
    </span>
  );
}
