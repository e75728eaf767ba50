import {
  formatBps,
  formatHundredths,
  QUALITY_METRIC_LABELS,
  type QualityChange,
  type QualityMetric,
  type SellerQualityEvaluation,
} from '@recertify/domain';
import type { EmailContent } from '../../accounts/accounts.emails.js';

/** What the seller's emails name: the seller, the marketplace, where to look, and the offers' SKUs. */
export interface QualityEmailContext {
  readonly sellerName: string;
  readonly marketplace: string;
  readonly link: string;
  readonly skuOf: (offerId: string) => string;
  /** The reviewer's words, for a suspension or reinstatement. */
  readonly reason?: string | null;
}

/**
 * The seller's emails for one evaluation's changes: one for its standing, one for the offers it
 * suppressed, one for the offers it reinstated (a suspension takes many offers off sale at once;
 * one email lists them all).
 */
export function qualityChangeEmails(
  evaluation: SellerQualityEvaluation,
  context: QualityEmailContext,
): Array<EmailContent & { kind: string }> {
  const emails: Array<EmailContent & { kind: string }> = [];
  const suppressed: string[] = [];
  const reinstated: string[] = [];
  for (const change of evaluation.changes) {
    if (change.kind === 'OFFER_SUPPRESSED') {
      // Offers suppressed by a suspension are covered by the suspension's own email.
      if (change.reason === 'RQS') suppressed.push(change.offerId);
    } else if (change.kind === 'OFFER_REINSTATED') {
      reinstated.push(change.offerId);
    } else {
      emails.push({
        kind: `quality-${change.kind.toLowerCase().replace(/_/g, '-')}`,
        ...standingEmail(change, evaluation, context),
      });
    }
  }
  if (suppressed.length > 0) {
    emails.push({ kind: 'quality-offer-suppressed', ...offersSuppressedEmail(suppressed, evaluation, context) });
  }
  if (reinstated.length > 0) {
    emails.push({ kind: 'quality-offer-reinstated', ...offersReinstatedEmail(reinstated, context) });
  }
  return emails;
}

function standingEmail(
  change: Exclude<QualityChange, { kind: 'OFFER_SUPPRESSED' | 'OFFER_REINSTATED' }>,
  evaluation: SellerQualityEvaluation,
  c: QualityEmailContext,
): EmailContent {
  const hello = `Hello ${c.sellerName},`;
  const figures = figureLines(evaluation);
  const footer = ['', `Your quality dashboard: ${c.link}`];
  switch (change.kind) {
    case 'SELLER_AT_RISK':
      return {
        subject: `Your Renewed account in ${c.marketplace} is at risk`,
        text: [
          hello,
          '',
          `Your account in ${c.marketplace} no longer meets the Renewed quality thresholds: ${change.breaches
            .map((m) => QUALITY_METRIC_LABELS[m])
            .join(', ')}.`,
          'A reviewer may suspend an account that stays at risk. It returns to good standing by itself once every figure meets its threshold again.',
          '',
          ...figures,
          ...footer,
        ].join('\n'),
      };
    case 'SELLER_RECOVERED':
      return {
        subject: `Your Renewed account in ${c.marketplace} is back in good standing`,
        text: [
          hello,
          '',
          `Every quality figure of your account in ${c.marketplace} meets its threshold again.`,
          '',
          ...figures,
          ...footer,
        ].join('\n'),
      };
    case 'SELLER_SUSPENDED':
      return {
        subject: `Your Renewed account in ${c.marketplace} is suspended`,
        text: [
          hello,
          '',
          `A reviewer suspended your Renewed account in ${c.marketplace}. Your offers there are off sale until the suspension is lifted.`,
          ...(c.reason ? ['', `Reason: ${c.reason}`] : []),
          '',
          ...figures,
          ...footer,
        ].join('\n'),
      };
    case 'SELLER_REINSTATED':
      return {
        subject: `Your Renewed account in ${c.marketplace} is reinstated`,
        text: [
          hello,
          '',
          `A reviewer lifted the suspension of your Renewed account in ${c.marketplace}; it is ${
            change.standing === 'GOOD' ? 'in good standing' : 'at risk'
          }. Offers that meet the offer quality threshold are back on sale.`,
          ...(c.reason ? ['', `Reason: ${c.reason}`] : []),
          '',
          ...figures,
          ...footer,
        ].join('\n'),
      };
  }
}

function offersSuppressedEmail(
  offerIds: string[],
  evaluation: SellerQualityEvaluation,
  c: QualityEmailContext,
): EmailContent {
  const byId = new Map(evaluation.offers.map((o) => [o.offerId, o]));
  return {
    subject:
      offerIds.length === 1
        ? `One of your Renewed offers in ${c.marketplace} is suppressed`
        : `${offerIds.length} of your Renewed offers in ${c.marketplace} are suppressed`,
    text: [
      `Hello ${c.sellerName},`,
      '',
      `These offers fell under the offer quality threshold (Renewed quality score) and are off sale in ${c.marketplace}:`,
      ...offerIds.map((id) => {
        const rqs = byId.get(id)?.rqs;
        return `- ${c.skuOf(id)}: ${rqs?.bps == null ? 'no orders' : formatBps(rqs.bps)} of ${rqs?.orders ?? 0} orders without a complaint (at least ${formatBps(rqs?.minimumBps ?? 0)} needed)`;
      }),
      '',
      'An offer is reinstated automatically once its score meets the threshold again.',
      '',
      `Your quality dashboard: ${c.link}`,
    ].join('\n'),
  };
}

function offersReinstatedEmail(offerIds: string[], c: QualityEmailContext): EmailContent {
  return {
    subject:
      offerIds.length === 1
        ? `One of your Renewed offers in ${c.marketplace} is back on sale`
        : `${offerIds.length} of your Renewed offers in ${c.marketplace} are back on sale`,
    text: [
      `Hello ${c.sellerName},`,
      '',
      `These offers are back on sale in ${c.marketplace}:`,
      ...offerIds.map((id) => `- ${c.skuOf(id)}`),
      '',
      `Your quality dashboard: ${c.link}`,
    ].join('\n'),
  };
}

function figureLines(e: SellerQualityEvaluation): string[] {
  const mark = (metric: QualityMetric) => (e.breaches.includes(metric) ? ' (misses its threshold)' : '');
  return [
    `Renewed quality score: ${e.rqs.bps == null ? 'no orders yet' : formatBps(e.rqs.bps)}, at least ${formatBps(e.rqs.minimumBps)}${mark('RQS')}`,
    `Order defect rate: ${e.odr.bps == null ? 'no orders yet' : formatBps(e.odr.bps)}, at most ${formatBps(e.odr.maximumBps)}${mark('ODR')}`,
    `Average product rating: ${
      e.rating.averageHundredths == null ? 'no ratings yet' : formatHundredths(e.rating.averageHundredths)
    }, at least ${formatHundredths(e.rating.minimumHundredths)}${mark('RATING')}`,
  ];
}
