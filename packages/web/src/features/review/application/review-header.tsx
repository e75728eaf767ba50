import { MARKETPLACES } from '@recertify/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ReviewHeaderFragment } from './review-header.generated';
import { DueText } from '../due-text';
import { formatDate, formatDateIn, formatDateTime } from '../../../ui/format';
import { StatusBadge } from '../status-badge';

interface Props {
  application: ReviewHeaderFragment;
  /** Where "Back to the queue" goes: the queue with the filters it was opened from. */
  queuePath: string;
  /** Claim or release. */
  actions: ReactNode;
}

/** Who applied where, the state, the decision clock, and who holds the claim. */
export function ReviewHeader({ application: a, queuePath, actions }: Props) {
  return (
    <header className="rv-review-header card">
      <p className="rv-breadcrumb">
        <Link to={queuePath}>← Review queue</Link>
      </p>
      <div className="rv-review-title-row">
        <div>
          <h1 tabIndex={-1} id="review-title">
            {a.seller.name} <span className="marketplace-code">{a.marketplace}</span>
          </h1>
          <p className="muted rv-review-subtitle">
            Applying to sell Renewed on {MARKETPLACES[a.marketplace].name}
            {a.legalName && a.legalName !== a.seller.name ? ` as ${a.legalName}` : ''}
            {a.policyVersion ? ` · judged by policy version ${a.policyVersion.version}` : ''}
          </p>
        </div>
        <div className="rv-review-actions">{actions}</div>
      </div>
      <dl className="rv-review-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={a.status} />
          </dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>
            {a.submittedAt ? formatDateIn(a.submittedAt, MARKETPLACES[a.marketplace].timeZone) : '—'}
            {a.firstSubmittedAt && a.submittedAt && a.firstSubmittedAt !== a.submittedAt && (
              <span className="rv-fact-detail">
                resubmitted; first on {formatDateIn(a.firstSubmittedAt, MARKETPLACES[a.marketplace].timeZone)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Decision due</dt>
          <dd>
            {a.dueDate ? formatDate(a.dueDate) : '—'}
            {a.due && <DueText due={a.due} />}
          </dd>
        </div>
        <div>
          <dt>Claimed by</dt>
          <dd>
            {a.claimedByName ?? <span className="muted">{a.status === 'SUBMITTED' ? 'Unclaimed' : '—'}</span>}
            {a.claimedByName && a.claimedAt && (
              <span className="rv-fact-detail">since {formatDateTime(a.claimedAt)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Apple-brand approval</dt>
          <dd>{a.appleRequested ? <span className="rv-pill rv-pill-apple">Requested</span> : 'Not requested'}</dd>
        </div>
      </dl>
    </header>
  );
}
