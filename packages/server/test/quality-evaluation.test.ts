import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../src/features/accounts/organization.entity.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { Offer } from '../src/features/quality/offer.entity.js';
import { QualityEvaluation } from '../src/features/quality/evaluation/quality-evaluation.entity.js';
import { SellerQualityStandingRecord } from '../src/features/quality/evaluation/seller-quality-standing.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { REVIEWER_EMAIL, SELLER_EMAIL, signedIn } from './support/principals.js';
import { addRollup, evaluationOffer, evaluationSeller } from './support/quality-evaluation.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const EVALUATE = `mutation($input: EvaluateSellerQualityInput!) {
  evaluateSellerQuality(input: $input) {
    id standing since reason changedBy breaches evaluatedOn suppressedOffers
    rqs { basisPoints } rqsOrders rqsDefectiveOrders odr { basisPoints } odrOrders odrDefectiveOrders
    averageRating { hundredths } ratingCount seller { id name }
  }
}`;
const SUSPEND = `mutation($input: SellerStandingChangeInput!) {
  suspendSeller(input: $input) { standing reason changedBy suppressedOffers }
}`;
const REINSTATE = `mutation($input: SellerStandingChangeInput!) {
  reinstateSeller(input: $input) { standing reason changedBy suppressedOffers }
}`;

// 09:00 on 2026-11-23 in Los Angeles: the US day evaluated is 2026-11-23.
const NOW = new Date('2026-11-23T17:00:00.000Z');
const DAY = '2026-11-20';

describe('quality evaluation', () => {
  let app: TestApp;
  let reviewer: TestClient;
  const clock = new TestClock(NOW);
  const em = () => app.orm.em.fork() as EntityManager;

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    reviewer = await signedIn(app, REVIEWER_EMAIL);
  });
  afterAll(() => app?.stop());

  async function evaluate(seller: Organization) {
    const res = await reviewer.graphql<any>(EVALUATE, { input: { sellerId: seller.id, marketplace: 'US' } });
    expect(res.errors).toBeUndefined();
    return res.data.evaluateSellerQuality;
  }
  const statusOf = async (offer: Offer) => (await em().findOneOrFail(Offer, offer.id)).status;
  const emailsTo = async (seller: Organization, kind: string) => {
    const user = await em().findOneOrFail('User', { organization: seller.id });
    return em().find(OutboxEmail, { toAddress: (user as { email: string }).email, kind });
  };

  describe('an offer under 95% RQS with at least the minimum orders is suppressed', () => {
    // [orders, with a complaint, status after]
    const cases: Array<[string, number, number, 'ACTIVE' | 'SUPPRESSED']> = [
      ['exactly 95.00%', 10_000, 500, 'ACTIVE'],
      ['94.99%, just under', 10_000, 501, 'SUPPRESSED'],
      ['9 orders, under the minimum of 10: not enforced', 9, 1, 'ACTIVE'],
      ['10 orders, the minimum: enforced', 10, 1, 'SUPPRESSED'],
    ];
    it.each(cases)('%s', async (_label, orders, complaints, expected) => {
      const seller = await evaluationSeller(em());
      const offer = await evaluationOffer(em(), seller);
      await addRollup(em(), offer, { day: DAY, orders, complaints });
      await evaluate(seller);
      expect(await statusOf(offer)).toBe(expected);
    });
  });

  describe('a seller under 98% RQS, over 0.80% ODR or under 3.70 stars is AT_RISK', () => {
    // One offer: 97.99% is over the offer's 95%, so only the seller's figure moves.
    const cases: Array<
      [
        string,
        { orders: number; complaints?: number; defects?: number; ratingCount?: number; ratingSum?: number },
        string,
        string[],
      ]
    > = [
      ['RQS exactly 98.00%', { orders: 10_000, complaints: 200 }, 'GOOD', []],
      ['RQS 97.99%', { orders: 10_000, complaints: 201 }, 'AT_RISK', ['RQS']],
      ['ODR exactly 0.80%', { orders: 10_000, defects: 80 }, 'GOOD', []],
      ['ODR 0.81%', { orders: 10_000, defects: 81 }, 'AT_RISK', ['ODR']],
      ['rating exactly 3.70', { orders: 100, ratingCount: 100, ratingSum: 370 }, 'GOOD', []],
      ['rating 3.69', { orders: 100, ratingCount: 100, ratingSum: 369 }, 'AT_RISK', ['RATING']],
    ];
    it.each(cases)('%s', async (_label, figures, standing, breaches) => {
      const seller = await evaluationSeller(em());
      const offer = await evaluationOffer(em(), seller);
      await addRollup(em(), offer, { day: DAY, ...figures });
      const result = await evaluate(seller);
      expect(result.standing).toBe(standing);
      expect(result.breaches).toEqual(breaches);
    });
  });

  it('suppresses an offer, emails the seller and audits it; recovery reinstates it', async () => {
    const seller = await evaluationSeller(em());
    const offer = await evaluationOffer(em(), seller, 'US', 'PHONE-1');
    await addRollup(em(), offer, { day: DAY, orders: 10, complaints: 1 });

    const first = await evaluate(seller);
    expect(await statusOf(offer)).toBe('SUPPRESSED');
    expect(first.suppressedOffers).toBe(1);
    const [email] = await emailsTo(seller, 'quality-offer-suppressed');
    expect(email?.textBody).toContain('PHONE-1: 90.00% of 10 orders');
    const audit = await em().find(AuditLogEntry, { subjectType: 'Offer', subjectId: offer.id });
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([['OFFER_SUPPRESSED', 'USER']]);

    // Evaluating again changes nothing: no second email, no second audit entry.
    await evaluate(seller);
    expect(await emailsTo(seller, 'quality-offer-suppressed')).toHaveLength(1);

    // Ten more clean orders: 19 of 20 = 95.00%.
    await addRollup(em(), offer, { day: '2026-11-21', orders: 10 });
    const recovered = await evaluate(seller);
    expect(await statusOf(offer)).toBe('ACTIVE');
    expect(recovered.suppressedOffers).toBe(0);
    expect(await emailsTo(seller, 'quality-offer-reinstated')).toHaveLength(1);
    // One snapshot for the day, replaced by each evaluation.
    const snapshots = await em().find(QualityEvaluation, { organization: seller.id });
    expect(snapshots.map((s) => [s.day, s.rqsOrders, s.suppressedOffers])).toEqual([['2026-11-23', 20, 0]]);
  });

  it('moves a seller to AT_RISK with an email, and back to GOOD when it recovers', async () => {
    const seller = await evaluationSeller(em());
    const offer = await evaluationOffer(em(), seller);
    await addRollup(em(), offer, { day: DAY, orders: 1000, defects: 9 });

    const atRisk = await evaluate(seller);
    expect(atRisk).toMatchObject({ standing: 'AT_RISK', breaches: ['ODR'], odr: { basisPoints: 90 }, changedBy: null });
    expect(atRisk.reason).toContain('Order defect rate');
    expect(await emailsTo(seller, 'quality-seller-at-risk')).toHaveLength(1);

    await addRollup(em(), offer, { day: '2026-11-22', orders: 200 });
    const recovered = await evaluate(seller);
    expect(recovered).toMatchObject({ standing: 'GOOD', breaches: [], odr: { basisPoints: 75 } });
    expect(await emailsTo(seller, 'quality-seller-recovered')).toHaveLength(1);
    const record = await em().findOneOrFail(SellerQualityStandingRecord, {
      organization: seller.id,
      marketplace: 'US',
    });
    const audit = await em().find(AuditLogEntry, { subjectId: record.id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['SELLER_AT_RISK', 'SELLER_RECOVERED']);
  });

  it('suspends with a reason until a reviewer reinstates; offers under 95% stay suppressed', async () => {
    const seller = await evaluationSeller(em());
    const good = await evaluationOffer(em(), seller);
    const poor = await evaluationOffer(em(), seller);
    await addRollup(em(), good, { day: DAY, orders: 100 });
    await addRollup(em(), poor, { day: DAY, orders: 10, complaints: 5 });
    const input = { sellerId: seller.id, marketplace: 'US', reason: 'Repeated battery complaints' };

    const suspended = await reviewer.graphql<any>(SUSPEND, { input });
    expect(suspended.data?.suspendSeller).toMatchObject({
      standing: 'SUSPENDED',
      reason: 'Repeated battery complaints',
      changedBy: expect.any(String),
      suppressedOffers: 2,
    });
    expect([await statusOf(good), await statusOf(poor)]).toEqual(['SUPPRESSED', 'SUPPRESSED']);
    expect((await emailsTo(seller, 'quality-seller-suspended'))[0]?.textBody).toContain('Repeated battery complaints');

    // Twice: the domain's refusal, typed.
    const again = await reviewer.graphql<any>(SUSPEND, { input });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

    // Evaluation keeps it suspended whatever the figures.
    expect((await evaluate(seller)).standing).toBe('SUSPENDED');
    expect(await statusOf(good)).toBe('SUPPRESSED');

    const reinstated = await reviewer.graphql<any>(REINSTATE, { input: { ...input, reason: 'Supplier changed' } });
    expect(reinstated.data?.reinstateSeller).toMatchObject({
      standing: 'AT_RISK',
      reason: 'Supplier changed',
      suppressedOffers: 1,
    });
    expect([await statusOf(good), await statusOf(poor)]).toEqual(['ACTIVE', 'SUPPRESSED']);

    const notSuspended = await reviewer.graphql<any>(REINSTATE, { input });
    expect(notSuspended.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses a blank or too long reason, naming the field, and changes nothing', async () => {
    const seller = await evaluationSeller(em());
    for (const reason of ['   ', 'x'.repeat(1001)]) {
      const res = await reviewer.graphql<any>(SUSPEND, { input: { sellerId: seller.id, marketplace: 'US', reason } });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0]?.extensions?.['fields'])).toContain('reason');
    }
    expect(await em().count(SellerQualityStandingRecord, { organization: seller.id })).toBe(0);
  });

  it("lets a seller refresh its own figures and nobody else's", async () => {
    const seller = await signedIn(app, SELLER_EMAIL);
    const own = await seller.graphql<any>(EVALUATE, { input: { marketplace: 'US' } });
    expect(own.errors).toBeUndefined();
    expect(own.data.evaluateSellerQuality.seller.name).toBeTruthy();
    const other = await evaluationSeller(em());
    const res = await seller.graphql<any>(EVALUATE, { input: { sellerId: other.id, marketplace: 'US' } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
