import { canTransition, MARKETPLACES, approvalGrants } from '@recertify/domain';
import { Link, useLocation, useParams } from 'react-router';
import {
  useSellerApplicationQuery,
  useWithdrawApplicationMutation,
  type SellerApplicationDetailFragment,
} from './application-page.generated';
import { type MyMarketplaceApprovalRowFragment } from '../applications-list/applications-list.generated';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Notice } from '../../../ui/form';
import { formatDate, formatDateTime } from '../../../ui/format';
import { auditActionLabel, criterionLabel } from '../../../ui/labels';
import { hasErrorCode } from '../../../ui/graphql-errors';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { StatusBadge } from '../application-status';
import { EligibilityChecklist } from '../eligibility/eligibility-checklist';
import { describeDue } from './timeline';
import '../applications.css';

/** /applications/:id: where one application stands, what happened, and what the seller can do now. */
export function SellerApplicationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const { data, loading, error, refetch } = useSellerApplicationQuery({
    variables: { id },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const application = data?.application;
  const name = application ? MARKETPLACES[application.marketplace].name : '';
  usePageTitle(application ? `Application for ${name}` : 'Application');

  return (
    <Page
      titleId="application-title"
      className="application-page"
      above={
        <p className="breadcrumbs">
          <Link to="/applications">Applications</Link>
        </p>
      }
      title={
        <>
          {application ? `Application to sell Renewed in ${name}` : 'Application'}{' '}
          {application && <StatusBadge status={application.status} />}
        </>
      }
    >
      {loading && !data ? (
        <LoadingState label="Loading the application…" />
      ) : error && !data ? (
        hasErrorCode(error, 'NOT_FOUND') ? (
          <EmptyState title="Application not found">
            There is no application of yours at this address. See <Link to="/applications">your applications</Link>.
          </EmptyState>
        ) : (
          <ErrorState title="The application could not be loaded" error={error} onRetry={() => void refetch()} />
        )
      ) : application && data ? (
        <>
          {justSubmitted && application.status === 'SUBMITTED' && (
            <Notice>
              Submitted. A reviewer will decide by{' '}
              {application.dueDate ? formatDate(application.dueDate) : 'the due date'}; every decision is emailed to the
              application's contact.
            </Notice>
          )}
          <ApplicationStanding application={application} approvals={data.myMarketplaceApprovals} />
        </>
      ) : (
        <EmptyState title="Application not found" />
      )}
    </Page>
  );
}

function ApplicationStanding({
  application,
  approvals,
}: {
  application: SellerApplicationDetailFragment;
  approvals: readonly MyMarketplaceApprovalRowFragment[];
}) {
  const [withdraw] = useWithdrawApplicationMutation();
  const withdrawable = canTransition(application.status, 'WITHDRAW');
  const editable = application.status === 'DRAFT' || application.status === 'NEEDS_INFO';
  const name = MARKETPLACES[application.marketplace].name;
  return (
    <div className="application-standing">
      <div className="standing-main">
        <section className="card standing-card" aria-labelledby="standing-title">
          <h2 id="standing-title">Where it stands</h2>
          <dl className="summary-list">
            <div>
              <dt>Marketplace</dt>
              <dd>
                <span className="marketplace-code">{application.marketplace}</span> {name}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={application.status} />
              </dd>
            </div>
            <div>
              <dt>Submitted</dt>
              <dd>{application.submittedAt ? formatDateTime(application.submittedAt) : 'Not yet'}</dd>
            </div>
            {application.firstSubmittedAt && application.firstSubmittedAt !== application.submittedAt && (
              <div>
                <dt>First submitted</dt>
                <dd>{formatDateTime(application.firstSubmittedAt)}</dd>
              </div>
            )}
            <div>
              <dt>Decision due</dt>
              <dd>{dueText(application)}</dd>
            </div>
            {application.decidedAt && (
              <div>
                <dt>{application.status === 'NEEDS_INFO' ? 'Information asked' : 'Decided'}</dt>
                <dd>{formatDateTime(application.decidedAt)}</dd>
              </div>
            )}
            <div>
              <dt>Evidence</dt>
              <dd>
                {application.invoices.length} {application.invoices.length === 1 ? 'invoice' : 'invoices'},{' '}
                {application.images.length} {application.images.length === 1 ? 'image' : 'images'}
              </dd>
            </div>
            {application.appleRequested && (
              <div>
                <dt>Apple-brand approval</dt>
                <dd>
                  {application.appleApproved === true
                    ? 'Granted'
                    : application.appleApproved === false
                      ? 'Not granted'
                      : 'Asked for'}
                </dd>
              </div>
            )}
          </dl>
          <NextStep application={application} />
          {(editable || withdrawable) && (
            <div className="standing-actions">
              {editable && (
                <Link
                  className="button"
                  to={`/applications/${application.id}/edit${application.status === 'NEEDS_INFO' ? '?step=review' : ''}`}
                >
                  {application.status === 'DRAFT' ? 'Continue the draft' : 'Edit and resubmit'}
                </Link>
              )}
              {withdrawable && (
                <ConfirmButton
                  label="Withdraw the application"
                  question={`Withdraw the ${name} application? It leaves the review for good; you can start a new one afterwards.`}
                  confirmLabel="Yes, withdraw"
                  busyLabel="Withdrawing…"
                  onConfirm={() => withdraw({ variables: { id: application.id, version: application.version } })}
                />
              )}
            </div>
          )}
        </section>

        {application.status === 'APPROVED' && <ApprovalCard application={application} approvals={approvals} />}

        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          {application.timeline.length === 0 ? (
            <p className="muted">Nothing has happened yet.</p>
          ) : (
            <ol className="timeline">
              {application.timeline.map((entry, index) => (
                <li key={`${entry.at}-${index}`} className={`timeline-entry timeline-${entry.action.toLowerCase()}`}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  <span className="timeline-action">{auditActionLabel(entry.action)}</span>
                  {entry.actor && <span className="muted small"> by {entry.actor.replace(/\s*\(SELLER\)$/, '')}</span>}
                  {entry.message && <blockquote className="timeline-message">{entry.message}</blockquote>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <aside className="standing-aside" aria-label="Eligibility">
        <div className="card">
          <EligibilityChecklist
            title={
              application.status === 'DRAFT' || application.status === 'NEEDS_INFO'
                ? 'Eligibility now'
                : 'Eligibility at submission'
            }
            criteria={application.eligibility.criteria}
            eligible={application.eligibility.eligible}
            reviewerReasons={
              application.status === 'REJECTED'
                ? Object.fromEntries(application.rejectionReasons.map((r) => [r.criterion, r.reason]))
                : undefined
            }
            basis={`Policy version ${application.eligibility.policyVersion}, computed ${formatDateTime(application.eligibility.evaluatedAt)}.`}
          />
        </div>
      </aside>
    </div>
  );
}

function dueText(application: SellerApplicationDetailFragment): string {
  if (application.due) return `${formatDate(application.due.dueDate)} (${describeDue(application.due)})`;
  switch (application.status) {
    case 'DRAFT':
      return 'Counted from submission';
    case 'NEEDS_INFO':
      return 'Counted again from your resubmission';
    default:
      return '—';
  }
}

/** What the seller should know or do next, by status. */
function NextStep({ application }: { application: SellerApplicationDetailFragment }) {
  switch (application.status) {
    case 'DRAFT':
      return <p className="next-step">A draft: finish it and submit it when the checklist shows no failing check.</p>;
    case 'SUBMITTED':
      return (
        <p className="next-step">
          Waiting in the review queue. You can still withdraw it until a reviewer picks it up.
        </p>
      );
    case 'IN_REVIEW':
      return <p className="next-step">A reviewer is deciding it now; it can no longer be withdrawn.</p>;
    case 'NEEDS_INFO': {
      const toLook = application.eligibility.criteria.filter((criterion) => criterion.status !== 'PASS');
      return (
        <div className="alert alert-info what-to-fix">
          <h3>What to fix</h3>
          <p className="reviewer-says">
            <strong>The reviewer asks:</strong> {application.reviewerMessage ?? 'See the timeline for the message.'}
          </p>
          {toLook.length > 0 && (
            <>
              <p>Checks to look at as well:</p>
              <ul>
                {toLook.map((criterion) => (
                  <li key={criterion.criterion}>
                    <strong>{criterionLabel(criterion.criterion)}</strong>: {criterion.summary}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>Edit the application, then resubmit it: the decision is then due within a new review period.</p>
        </div>
      );
    }
    case 'REJECTED': {
      const passed = new Set(
        application.eligibility.criteria.filter((c) => c.status === 'PASS').map((c) => c.criterion),
      );
      return (
        <div className="alert alert-error rejection">
          <h3>Why it was rejected</h3>
          {application.rejectionReasons.length === 0 ? (
            <p>No reason was recorded.</p>
          ) : (
            <ul>
              {application.rejectionReasons.map((reason) => (
                <li key={reason.criterion}>
                  <strong>{criterionLabel(reason.criterion)}</strong>: {reason.reason}
                  {passed.has(reason.criterion) && (
                    <span className="muted">
                      {' '}
                      (the check itself passed on the figures; this is the reviewer&apos;s judgement)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            You may apply again once it is fixed: <Link to="/applications">start a new application</Link>.
          </p>
        </div>
      );
    }
    case 'APPROVED':
      return <p className="next-step">Approved: you may list Renewed products in this marketplace.</p>;
    case 'WITHDRAWN':
      return (
        <p className="next-step">
          Withdrawn. You can <Link to="/applications">start a new application</Link> at any time.
        </p>
      );
  }
}

function ApprovalCard({
  application,
  approvals,
}: {
  application: SellerApplicationDetailFragment;
  approvals: readonly MyMarketplaceApprovalRowFragment[];
}) {
  const own = approvals.find(
    (approval) => approval.marketplace === application.marketplace && !approval.grantedThrough,
  );
  const granted = approvalGrants(application.marketplace)
    .map((code) =>
      approvals.find(
        (approval) => approval.marketplace === code && approval.grantedThrough === application.marketplace,
      ),
    )
    .filter((approval): approval is MyMarketplaceApprovalRowFragment => approval !== undefined);
  return (
    <section className="card approval-card" aria-labelledby="approval-title">
      <h2 id="approval-title">Approval</h2>
      <ul className="approval-list">
        <li>
          <span className="marketplace-code">{application.marketplace}</span>{' '}
          {MARKETPLACES[application.marketplace].name}: approved{own ? ` on ${formatDateTime(own.grantedAt)}` : ''}
          {application.appleRequested
            ? application.appleApproved
              ? ', Apple brand included'
              : ', without the Apple brand'
            : ''}
          .
        </li>
        {granted.map((approval) => (
          <li key={approval.id}>
            <span className="marketplace-code">{approval.marketplace}</span> {MARKETPLACES[approval.marketplace].name}:
            granted through this {application.marketplace} approval on {formatDateTime(approval.grantedAt)}.
          </li>
        ))}
      </ul>
    </section>
  );
}
