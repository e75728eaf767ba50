import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../accounts/viewer/viewer-context';
import { MARKETPLACE_NAMES } from '../../ui/labels';
import { refusalWithCode } from '../../ui/graphql-errors';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { ErrorState, LoadingState } from '../../ui/states';
import type { MarketplaceCode } from '../../generated/graphql';
import { ComplaintBreakdown } from './complaint-breakdown';
import { EvaluationHistory } from './evaluation-history';
import { DrillDown, type DrillDownComplaint, type DrillDownTarget } from './drill-down';
import { FigureCards } from './figure-cards';
import { NotApproved } from './not-approved';
import { OfferTable } from './offer-table';
import { useQualityDashboardQuery, type QualityDashboardFieldsFragment } from './quality-dashboard.generated';
import { TrendChart, type TrendPoint } from './trend-chart';
import './quality.css';

const MARKETPLACE_CODES: readonly MarketplaceCode[] = ['US', 'CA', 'MX'];

/** The marketplace in the address, else the first one the seller is approved in, else US. */
export function marketplaceFrom(search: URLSearchParams, approved: readonly MarketplaceCode[] = []): MarketplaceCode {
  const value = search.get('marketplace');
  return MARKETPLACE_CODES.find((code) => code === value) ?? approved[0] ?? 'US';
}

export function trendPoints(dashboard: QualityDashboardFieldsFragment, figure: 'RQS' | 'ODR'): TrendPoint[] {
  return dashboard.trend.map((day) =>
    figure === 'RQS'
      ? {
          date: day.date,
          valueBps: day.rqs?.basisPoints ?? null,
          thresholdBps: day.rqsMinimum.basisPoints,
          orders: day.rqsOrders,
        }
      : {
          date: day.date,
          valueBps: day.odr?.basisPoints ?? null,
          thresholdBps: day.odrMaximum.basisPoints,
          orders: day.odrOrders,
        },
  );
}

/**
 * A seller's quality dashboard in one marketplace: the seller's own (sellerId null) or, for
 * program staff, any seller's. Figures, 90-day trends, complaints, offers worst first, and the
 * orders and complaints behind each figure.
 */
export function QualityDashboardPage({
  sellerId,
  complaintAction,
}: {
  sellerId: string | null;
  /** Program staff act on complaints from the drill-down (invalidate). */
  complaintAction?: (complaint: DrillDownComplaint, done: () => void) => ReactNode;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const viewer = useViewer();
  // A seller's own dashboard opens where it is approved; staff follow the link's marketplace.
  const approved = sellerId === null && viewer.status === 'signed-in' ? viewer.approvedMarketplaces : [];
  const marketplace = marketplaceFrom(searchParams, approved);
  const { data, loading, error, refetch } = useQualityDashboardQuery({
    variables: { sellerId, marketplace },
    fetchPolicy: 'cache-and-network',
  });
  const [target, setTarget] = useState<DrillDownTarget | null>(null);
  const dashboard = data?.qualityDashboard;
  const title = sellerId && dashboard ? `Quality of ${dashboard.seller.name}` : 'Quality dashboard';
  usePageTitle(title);
  const notApproved = refusalWithCode(error, 'NOT_APPROVED');

  return (
    <Page
      titleId="quality-title"
      className="q-dashboard"
      title={title}
      lede={
        <>
          Return quality score, order defect rate and ratings over the trailing window, against the thresholds of the
          program policy in force.
        </>
      }
      below={
        <nav aria-label="Marketplace" className="q-marketplaces">
          {MARKETPLACE_CODES.map((code) => (
            <button
              key={code}
              type="button"
              className={code === marketplace ? 'button button-small' : 'button button-secondary button-small'}
              aria-pressed={code === marketplace}
              onClick={() => {
                setTarget(null);
                const next = new URLSearchParams(searchParams);
                next.set('marketplace', code);
                setSearchParams(next);
              }}
            >
              {MARKETPLACE_NAMES[code]}
            </button>
          ))}
        </nav>
      }
    >
      {loading && !dashboard ? (
        <LoadingState label="Loading the quality dashboard…" />
      ) : notApproved && !dashboard ? (
        <NotApproved marketplace={marketplace} reason={notApproved.reason} forReviewer={sellerId !== null} />
      ) : error && !dashboard ? (
        <ErrorState title="The quality dashboard could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : dashboard ? (
        <>
          <p className="muted">
            As of {formatDate(dashboard.asOf)} · RQS window {formatDate(dashboard.rqsWindow.from)} to{' '}
            {formatDate(dashboard.rqsWindow.to)} · policy version {dashboard.policyVersion}
          </p>
          <FigureCards dashboard={dashboard} onDrillDown={(figure) => setTarget({ figure })} />
          {target && (
            <DrillDown
              key={`${target.figure}-${target.offer?.id ?? 'seller'}`}
              sellerId={sellerId}
              marketplace={marketplace}
              target={target}
              onClose={() => setTarget(null)}
              complaintAction={complaintAction && ((complaint) => complaintAction(complaint, () => void refetch()))}
            />
          )}
          <div className="q-trends">
            <TrendChart title="Seller RQS" points={trendPoints(dashboard, 'RQS')} threshold="minimum" />
            <TrendChart title="Order defect rate" points={trendPoints(dashboard, 'ODR')} threshold="maximum" />
          </div>
          <ComplaintBreakdown dashboard={dashboard} />
          <EvaluationHistory
            key={`${dashboard.seller.id}-${marketplace}`}
            sellerId={sellerId}
            marketplace={marketplace}
            first={dashboard.evaluations}
          />
          <OfferTable
            sellerId={sellerId}
            marketplace={marketplace}
            onDrillDown={(offer) => setTarget({ figure: 'RQS', offer: { id: offer.id, sku: offer.sku } })}
          />
        </>
      ) : null}
    </Page>
  );
}
