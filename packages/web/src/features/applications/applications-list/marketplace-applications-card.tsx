import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  MyApplicationsDocument,
  useStartApplicationMutation,
  type MyApplicationRowFragment,
  type MyMarketplaceApprovalRowFragment,
} from './applications-list.generated';
import { type MarketplaceCode } from '../../../generated/graphql';
import { formatDate, formatDateTime } from '../../../ui/format';
import { describeError } from '../../../ui/graphql-errors';
import { StatusBadge } from '../application-status';
import { startRefusal } from './start-availability';

interface Props {
  readonly marketplace: { readonly code: MarketplaceCode; readonly name: string };
  /** Every application of the seller, newest first; the card picks its marketplace's. */
  readonly allApplications: readonly MyApplicationRowFragment[];
  readonly approvals: readonly MyMarketplaceApprovalRowFragment[];
  readonly onStarted: (id: string) => void;
}

export function MarketplaceApplicationsCard({ marketplace, allApplications, approvals, onStarted }: Props) {
  const titleId = useId();
  const reasonId = useId();
  const applications = allApplications.filter((application) => application.marketplace === marketplace.code);
  const approval = approvals.find((candidate) => candidate.marketplace === marketplace.code);
  const refusal = startRefusal(marketplace.code, allApplications, approvals);
  const [refused, setRefused] = useState<string | null>(null);
  const [startApplication, { loading }] = useStartApplicationMutation({
    refetchQueries: [{ query: MyApplicationsDocument }],
    awaitRefetchQueries: false,
  });

  const start = async () => {
    setRefused(null);
    try {
      const { data } = await startApplication({ variables: { input: { marketplace: marketplace.code } } });
      if (data) onStarted(data.startApplication.id);
    } catch (error) {
      setRefused(describeError(error)); // CONFLICT's message says why, e.g. already approved through US
    }
  };

  return (
    <article className="card marketplace-applications" aria-labelledby={titleId} data-marketplace={marketplace.code}>
      <header className="card-header">
        <h2 id={titleId}>
          <span className="marketplace-code">{marketplace.code}</span> {marketplace.name}
        </h2>
      </header>
      <p className={approval ? 'approval-line is-approved' : 'approval-line'}>
        {approval
          ? approval.grantedThrough
            ? `Approved through your ${approval.grantedThrough} approval, since ${formatDateTime(approval.grantedAt)}`
            : `Approved since ${formatDateTime(approval.grantedAt)}${approval.appleApproved ? ', Apple brand included' : ''}`
          : 'Not approved yet'}
      </p>
      {applications.length === 0 ? (
        <p className="muted">No application yet.</p>
      ) : (
        <ul className="application-rows" aria-label={`Applications in ${marketplace.name}`}>
          {applications.map((application) => (
            <ApplicationRow key={application.id} application={application} marketplaceName={marketplace.name} />
          ))}
        </ul>
      )}
      <div className="start-application">
        <button
          type="button"
          className="button"
          disabled={refusal !== null || loading}
          aria-describedby={refusal ? reasonId : undefined}
          onClick={() => void start()}
        >
          {loading ? 'Starting…' : 'Start an application'}
        </button>
        {refusal && (
          <p id={reasonId} className="muted small start-reason">
            {refusal.message}
          </p>
        )}
        {refused && (
          <p className="field-error" role="alert">
            {refused}
          </p>
        )}
      </div>
    </article>
  );
}

function ApplicationRow({
  application,
  marketplaceName,
}: {
  application: MyApplicationRowFragment;
  marketplaceName: string;
}) {
  const editable = application.status === 'DRAFT' || application.status === 'NEEDS_INFO';
  const facts = applicationFacts(application);
  const since = application.firstSubmittedAt
    ? `first submitted ${formatDate(application.firstSubmittedAt)}`
    : `started ${formatDate(application.createdAt)}`;
  return (
    <li className="application-row">
      <StatusBadge status={application.status} />
      <span className="application-facts">{facts.join(' · ')}</span>
      <span className="application-links">
        {editable && (
          <Link to={`/applications/${application.id}/edit`} className="button button-small">
            {application.status === 'DRAFT' ? 'Continue the draft' : 'Fix and resubmit'}
          </Link>
        )}
        <Link to={`/applications/${application.id}`} aria-label={`Open the ${marketplaceName} application ${since}`}>
          Open
        </Link>
      </span>
    </li>
  );
}

/**
 * What a row says about an application's dates: when it was first submitted (the date the seller
 * and the reviewer go by; a draft has only its start), a later resubmission, the due date while it
 * waits, and when it was decided.
 */
export function applicationFacts(application: MyApplicationRowFragment): string[] {
  const waiting = application.status === 'SUBMITTED' || application.status === 'IN_REVIEW';
  const { firstSubmittedAt, submittedAt } = application;
  return [
    firstSubmittedAt
      ? `First submitted ${formatDate(firstSubmittedAt)}`
      : `Started ${formatDate(application.createdAt)}`,
    submittedAt && firstSubmittedAt && submittedAt !== firstSubmittedAt
      ? `resubmitted ${formatDate(submittedAt)}`
      : null,
    application.dueDate && waiting ? `decision due ${formatDate(application.dueDate)}` : null,
    application.decidedAt && !waiting
      ? `${application.status === 'NEEDS_INFO' ? 'information asked' : 'decided'} ${formatDate(application.decidedAt)}`
      : null,
  ].filter((fact): fact is string => fact !== null);
}
