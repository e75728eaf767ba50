import { MARKETPLACES, policyFromRecord } from '@recertify/domain';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApplicationFormQuery } from './application-form.generated';
import { hasErrorCode } from '../../../ui/graphql-errors';
import { APPLICATION_STATUS_LABELS } from '../../../ui/labels';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import { StatusBadge } from '../application-status';
import { toDomainRates } from '../eligibility/policy-mapping';
import { ApplicationForm } from './application-form';
import '../applications.css';

/** /applications/:id/edit: a draft, or an application the reviewer sent back for more information. */
export function ApplicationFormPage() {
  const { id = '' } = useParams();
  // Always from the server: the form starts from what is saved, never from an older cached copy.
  const { data, loading, error, refetch } = useApplicationFormQuery({
    variables: { id },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const [generation, setGeneration] = useState(0);
  const application = data?.application;
  const marketplace = data?.marketplaces.find((candidate) => candidate.code === application?.marketplace);
  const policy = marketplace?.policyInForce ?? null;
  const domainPolicy = useMemo(() => (policy ? policyFromRecord(policy.marketplace, policy) : null), [policy]);
  const exchangeRates = useMemo(() => toDomainRates(data?.exchangeRates ?? []), [data?.exchangeRates]);
  const name = application ? MARKETPLACES[application.marketplace].name : '';
  usePageTitle(application ? `Application for ${name}` : 'Application');

  const reload = async () => {
    await refetch();
    setGeneration((current) => current + 1); // a new form from the freshly loaded application
  };

  let body;
  if (loading && !data) {
    body = <LoadingState label="Loading the application…" />;
  } else if (error && !data) {
    body = hasErrorCode(error, 'NOT_FOUND') ? (
      <EmptyState title="Application not found">
        There is no application of yours at this address. See <Link to="/applications">your applications</Link>.
      </EmptyState>
    ) : (
      <ErrorState title="The application could not be loaded" error={error} onRetry={() => void refetch()} />
    );
  } else if (!application || !marketplace) {
    body = <EmptyState title="Application not found" />;
  } else if (application.status !== 'DRAFT' && application.status !== 'NEEDS_INFO') {
    body = (
      <EmptyState title="This application can no longer be edited">
        It is {APPLICATION_STATUS_LABELS[application.status].toLowerCase()}.{' '}
        <Link to={`/applications/${application.id}`}>See where it stands</Link>.
      </EmptyState>
    );
  } else if (!policy || !domainPolicy) {
    body = (
      <EmptyState title={`No program rules are in force in ${name} yet`}>
        An application is judged by the rules in force; an admin must add a policy version first.
      </EmptyState>
    );
  } else {
    body = (
      <>
        {application.status === 'NEEDS_INFO' && application.reviewerMessage && (
          <div className="alert alert-info reviewer-message">
            <p>
              <strong>The reviewer asks:</strong> {application.reviewerMessage}
            </p>
            <p>
              Make the changes, then resubmit from the last step. Resubmitting starts a new{' '}
              {policy.reviewDueBusinessDays}-business-day clock for the decision.
            </p>
          </div>
        )}
        <ApplicationForm
          key={generation}
          application={application}
          marketplace={{ code: marketplace.code, name: marketplace.name, currency: marketplace.currency }}
          policy={policy}
          domainPolicy={domainPolicy}
          exchangeRates={exchangeRates}
          onReload={() => void reload()}
        />
      </>
    );
  }

  return (
    <Page
      titleId="application-form-title"
      className="application-page"
      above={
        <p className="breadcrumbs">
          <Link to="/applications">Applications</Link>
          {application && (
            <>
              {' / '}
              <Link to={`/applications/${application.id}`}>{name}</Link>
            </>
          )}
        </p>
      }
      title={
        <>
          {application ? `Application to sell Renewed in ${name}` : 'Application'}{' '}
          {application && <StatusBadge status={application.status} />}
        </>
      }
    >
      {body}
    </Page>
  );
}
