import { formatBps } from '@recertify/domain';
import type { ReviewCommitmentsFragment } from './commitments-section.generated';
import { CriterionBadge } from '../status-badge';
import { Attestation, Fact } from './business-section';
import { odrFiguresOf } from './evidence-figures';
import { Abbr } from '../../../ui/terms';

/** The order defect rate, the warranty against the marketplace's rule, and the quality policy accepted. */
export function CommitmentsSection({ application: a }: { application: ReviewCommitmentsFragment }) {
  const criterion = (code: string) => a.eligibility.criteria.find((c) => c.criterion === code);
  const odr = criterion('ODR');
  const warranty = criterion('WARRANTY');
  const odrFigures = odr ? odrFiguresOf(odr.figures) : null;
  const rule = a.policyVersion?.warranty;
  return (
    <section className="card rv-review-section" aria-labelledby="commitments-title">
      <h2 id="commitments-title">Order defect rate, warranty and quality policy</h2>
      <dl className="summary-list">
        <Fact
          term={`Order defect rate, trailing ${odrFigures?.windowDays ?? a.policyVersion?.odrWindowDays ?? 90} days`}
        >
          <span className="rv-figure">
            {odrFigures?.rateBps != null
              ? formatBps(odrFigures.rateBps)
              : a.existingSeller
                ? 'Not available'
                : 'New seller, no orders'}
          </span>{' '}
          {odr && <CriterionBadge status={odr.status} />}
          {odrFigures?.orders != null && (
            <span className="rv-fact-detail">
              {odrFigures.defectiveOrders} of {odrFigures.orders} orders defective; at most{' '}
              {formatBps(odrFigures.maximumBps)} allowed
            </span>
          )}
          {odr && <span className="rv-fact-detail">{odr.summary}</span>}
        </Fact>
        <Fact term="Warranty">
          <span className="rv-figure">
            {rule?.kind === 'MINIMUM_DAYS'
              ? a.warrantyDays != null
                ? `${a.warrantyDays} days from purchase`
                : 'No length given'
              : a.guaranteeAccepted
                ? 'Renewed Guarantee accepted'
                : 'Renewed Guarantee not accepted'}
          </span>{' '}
          {warranty && <CriterionBadge status={warranty.status} />}
          <span className="rv-fact-detail">
            {rule?.kind === 'MINIMUM_DAYS'
              ? `The marketplace requires at least ${rule.minimumDays ?? '?'} days from purchase.`
              : 'The marketplace requires explicit acceptance of the Renewed Guarantee.'}
          </span>
        </Fact>
      </dl>
      <Attestation given={a.qualityPolicyAccepted}>
        The program&rsquo;s quality policy
        {a.qualityPolicyVersion != null ? ` (version ${a.qualityPolicyVersion})` : ''}: offer <Abbr term="RQS" />,
        seller <Abbr term="RQS" />, <Abbr term="ODR" /> and rating thresholds to stay in the program.
      </Attestation>
    </section>
  );
}
