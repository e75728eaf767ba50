import type { EntityManager } from '@mikro-orm/knex';
import { getIntrospectionQuery, buildClientSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/features/accounts/user.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ReturnAddress } from '../src/features/returns/return-address.entity.js';
import { ReturnRequest } from '../src/features/returns/return-request.entity.js';
import {
  ADMIN_EMAIL,
  OTHER_SELLER_EMAIL,
  REVIEWER_EMAIL,
  SELLER_EMAIL,
  createKey,
  idsOf,
  signedIn,
} from './support/principals.js';
import { submittedApplication } from './support/applications.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { qualityComplaint, qualityOffer, qualityOrder, qualitySeller } from './support/quality.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

/**
 * Who may call what: every query and mutation, for every kind of caller, with the exact outcome:
 * "ok" means an answer without errors; a code means the first error carries that code. A caller
 * who is let through may still be refused for the row's arguments (a stale version, a short
 * password): the row names that code, so an allowed call that crashes (INTERNAL_SERVER_ERROR) or
 * is refused for any other reason fails the matrix. A test below fails when the schema gains an
 * operation this table does not list.
 */
type Caller =
  | 'anonymous'
  | 'seller'
  | 'otherSeller'
  | 'reviewer'
  | 'admin'
  | 'scopedKey'
  | 'unscopedKey'
  | 'providerKey'
  | 'ingestKey';
/** Refused before the operation runs: who the caller is, or what it may see. */
type AccessRefusal = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
/** Refused by the operation, for the row's arguments, once the caller is let through. */
type InputRefusal =
  'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_ELIGIBLE' | 'INVALID_CREDENTIALS' | 'INVALID_TOKEN' | 'NOT_APPROVED';
type Outcome = 'ok' | AccessRefusal | InputRefusal;
const CALLERS: Caller[] = [
  'anonymous',
  'seller',
  'otherSeller',
  'reviewer',
  'admin',
  'scopedKey',
  'unscopedKey',
  'providerKey',
  'ingestKey',
];

interface Fixture {
  applicationId: string;
  sellerUserId: string;
  otherSellerUserId: string;
  providerOrganizationId: string;
  sacrificialKeyIds: string[];
  returnRequestId: string;
  /** Quality records the marketplace systems sent (features/quality). */
  quality: { sellerId: string; offerExternalId: string; orderExternalId: string; complaintId: string };
  /** The demo seller's organization (approved in US): whose quality dashboard staff read. */
  sellerOrganizationId: string;
  /** The demo seller's default return address. */
  defaultReturnAddressId: string;
}

interface Row {
  operation: string;
  document: string;
  variables?: (f: Fixture, caller: Caller) => Record<string, unknown>;
  /** Sign in anew for this row (it ends the session it runs in). */
  freshSession?: boolean;
  expect: Record<Caller, Outcome>;
}

const everyone = (outcome: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, outcome])) as Record<Caller, Outcome>;
/**
 * The callers let through, each with its outcome (a list means "ok" for each), and every other
 * caller refused: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise, unless `otherwise` says.
 */
const only = (
  allowed: Caller[] | Partial<Record<Caller, 'ok' | InputRefusal>>,
  otherwise: Partial<Record<Caller, AccessRefusal>> = {},
): Record<Caller, Outcome> => {
  const through: Partial<Record<Caller, Outcome>> = Array.isArray(allowed)
    ? Object.fromEntries(allowed.map((c) => [c, 'ok']))
    : allowed;
  return Object.fromEntries(
    CALLERS.map((c) => [c, through[c] ?? otherwise[c] ?? (c === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')]),
  ) as Record<Caller, Outcome>;
};

let unique = 0;
const ROWS: Row[] = [
  { operation: 'marketplaces', document: '{ marketplaces { code } }', expect: everyone('ok') },
  { operation: 'marketplace', document: '{ marketplace(code: US) { code } }', expect: everyone('ok') },
  { operation: 'exchangeRates', document: '{ exchangeRates { rate } }', expect: everyone('ok') },
  { operation: 'viewer', document: '{ viewer { authenticated } }', expect: everyone('ok') },
  { operation: 'appInfo', document: '{ appInfo { embedded } }', expect: everyone('ok') },
  { operation: 'organizationUsers', document: '{ organizationUsers { id } }', expect: only(['seller', 'otherSeller']) },
  { operation: 'organizations', document: '{ organizations(kind: PROVIDER) { id } }', expect: only(['admin']) },
  {
    operation: 'apiKeys',
    document: 'query($o: ID) { apiKeys(organizationId: $o) { id } }',
    variables: (f, caller) => (caller === 'admin' ? { o: f.providerOrganizationId } : {}),
    expect: only(['seller', 'otherSeller', 'admin']),
  },
  {
    operation: 'signUpSeller',
    document:
      'mutation($e: String!) { signUpSeller(input: { email: $e, password: "short", displayName: "x", organizationName: "y" }) }',
    variables: () => ({ e: `matrix-${++unique}@example.com` }),
    // Open to anyone; the password is too short, so no account is made.
    expect: everyone('BAD_USER_INPUT'),
  },
  {
    operation: 'confirmEmail',
    document: 'mutation { confirmEmail(token: "not-a-token") { id } }',
    // Open to anyone: the emailed token is the credential.
    expect: everyone('INVALID_TOKEN'),
  },
  {
    operation: 'signIn',
    document: 'mutation($e: String!) { signIn(input: { email: $e, password: "whatever-it-is" }) { id } }',
    // A new address per caller: the callers share one network address, which 5 failures lock out of an account.
    variables: () => ({ e: `nobody-${++unique}@example.com` }),
    expect: everyone('INVALID_CREDENTIALS'),
  },
  {
    operation: 'requestPasswordReset',
    document: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
    // One address per caller: each address gets only a few emails an hour (RATE_LIMITED).
    variables: () => ({ e: `nobody-${++unique}@example.com` }),
    expect: everyone('ok'),
  },
  {
    operation: 'resetPassword',
    document: 'mutation { resetPassword(input: { token: "not-a-token", password: "long enough password" }) }',
    expect: everyone('INVALID_TOKEN'),
  },
  {
    operation: 'addOrganizationUser',
    document: 'mutation($e: String!) { addOrganizationUser(input: { email: $e, displayName: "Matrix" }) { id } }',
    variables: () => ({ e: `colleague-${++unique}@example.com` }),
    expect: only(['seller', 'otherSeller']),
  },
  {
    // The seller's own user: the seller is told it cannot remove itself; a seller of another
    // organization must not even learn that the user exists.
    operation: 'removeOrganizationUser',
    document: 'mutation($id: ID!) { removeOrganizationUser(userId: $id) { id } }',
    variables: (f) => ({ id: f.sellerUserId }),
    expect: only({ seller: 'BAD_USER_INPUT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'createApiKey',
    document: 'mutation { createApiKey(input: { name: "matrix", scopes: [READ_QUALITY] }) { secret } }',
    // An admin makes keys for providers only, and must name the organization.
    expect: only(['seller', 'otherSeller']),
  },
  {
    operation: 'revokeApiKey',
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: (f) => ({ id: f.sacrificialKeyIds.pop()! }),
    expect: only(['seller', 'admin'], { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'myApplications',
    document: '{ myApplications { id } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    operation: 'myMarketplaceApprovals',
    document: '{ myMarketplaceApprovals { marketplace } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    operation: 'application',
    document: 'query($id: ID!) { application(id: $id) { id status } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only(['seller', 'reviewer', 'admin', 'scopedKey'], { otherSeller: 'NOT_FOUND' }),
  },
  {
    // The seller's MX application is open already (the fixture); the other seller starts one.
    operation: 'startApplication',
    document: 'mutation { startApplication(input: { marketplace: MX }) { id } }',
    expect: only({ seller: 'CONFLICT', otherSeller: 'ok' }),
  },
  {
    // The application is submitted and version 0 is stale: the owner is told so (CONFLICT, past
    // authorization); nothing changes. So for the rows up to decideApplication.
    operation: 'saveApplicationDraft',
    document: 'mutation($id: ID!) { saveApplicationDraft(id: $id, version: 0, input: { legalName: "x" }) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ seller: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'submitApplication',
    document: 'mutation($id: ID!) { submitApplication(id: $id, version: 0) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ seller: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'withdrawApplication',
    document: 'mutation($id: ID!) { withdrawApplication(id: $id, version: 0) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ seller: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'reviewQueue',
    document: '{ reviewQueue(first: 5) { totalCount } }',
    expect: only(['reviewer', 'admin']),
  },
  {
    operation: 'reviewQueueCounts',
    document: '{ reviewQueueCounts { total } }',
    expect: only(['reviewer', 'admin']),
  },
  // The quality dashboard: the seller and its read:quality keys read their own (the other demo seller
  // is not approved: NOT_APPROVED); staff name the seller.
  ...['qualityDashboard', 'qualityOffers', 'qualityOrders', 'qualityComplaints'].map((operation): Row => ({
    operation,
    document: `query($s: ID) { ${operation}(sellerId: $s, marketplace: US) { __typename } }`,
    variables: (f, caller) => (caller === 'reviewer' || caller === 'admin' ? { s: f.sellerOrganizationId } : {}),
    expect: only({
      seller: 'ok',
      otherSeller: 'NOT_APPROVED',
      reviewer: 'ok',
      admin: 'ok',
      scopedKey: 'ok',
      unscopedKey: 'ok',
    }),
  })),
  {
    operation: 'claimApplication',
    document: 'mutation($id: ID!) { claimApplication(id: $id, version: 0) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ reviewer: 'CONFLICT', admin: 'CONFLICT' }),
  },
  {
    operation: 'releaseApplication',
    document: 'mutation($id: ID!) { releaseApplication(id: $id, version: 0) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ reviewer: 'CONFLICT', admin: 'CONFLICT' }),
  },
  {
    operation: 'decideApplication',
    document: 'mutation($id: ID!) { decideApplication(input: { id: $id, version: 0, decision: APPROVE }) { id } }',
    variables: (f) => ({ id: f.applicationId }),
    expect: only({ reviewer: 'CONFLICT', admin: 'CONFLICT' }),
  },
  {
    operation: 'returnRequests',
    document: '{ returnRequests(first: 5) { count { value atLeast } edges { node { id state } } } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    operation: 'returnRequestCounts',
    document: '{ returnRequestCounts { total { value atLeast } } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    operation: 'returnRequest',
    document: 'query($id: ID!) { returnRequest(id: $id) { id state messages { body } } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only(['seller', 'scopedKey'], { otherSeller: 'NOT_FOUND' }),
  },
  {
    // A seller refreshes its own figures; a reviewer must name the seller (none named here).
    operation: 'evaluateSellerQuality',
    document: 'mutation { evaluateSellerQuality(input: { marketplace: US }) { standing } }',
    expect: only({ seller: 'ok', otherSeller: 'ok', reviewer: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' }),
  },
  {
    operation: 'sellerHealth',
    document: '{ sellerHealth(first: 5) { totalCount edges { node { standing seller { name } } } } }',
    expect: only(['reviewer', 'admin']),
  },
  {
    // A blank reason: refused past authorization, nothing changes.
    operation: 'suspendSeller',
    document: `mutation { suspendSeller(input: { sellerId: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", marketplace: US, reason: " " }) { standing } }`,
    expect: only({ reviewer: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' }),
  },
  {
    operation: 'reinstateSeller',
    document: `mutation { reinstateSeller(input: { sellerId: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", marketplace: US, reason: " " }) { standing } }`,
    expect: only({ reviewer: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' }),
  },
  {
    // Only the marketplace's systems send return requests (an ingest:marketplace-data key).
    operation: 'receiveReturnRequest',
    document: `mutation($s: ID!) { receiveReturnRequest(input: { sellerId: $s, marketplace: US, externalId: "matrix",
      orderId: "o", items: [{ sku: "A", quantity: 1 }], reason: OTHER, requestedAt: "2026-11-20T10:00:00Z" }) { id } }`,
    variables: (f) => ({ s: f.providerOrganizationId }),
    // Only the marketplace's systems send returns; the provider named is no seller, so it is refused.
    expect: only({ ingestKey: 'BAD_USER_INPUT' }),
  },
  {
    // The demo return is authorized already: its seller is told so (CONFLICT); nothing changes.
    operation: 'authorizeReturn',
    document: 'mutation($id: ID!) { authorizeReturn(input: { id: $id, version: 1 }) { id } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only({ seller: 'CONFLICT', scopedKey: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    // Before its deadline an authorized return cannot be closed as not returned (CONFLICT).
    operation: 'closeReturn',
    document: 'mutation($id: ID!) { closeReturn(input: { id: $id, version: 1, reason: NOT_RETURNED }) { id } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only({ seller: 'CONFLICT', scopedKey: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'replyToBuyer',
    document: 'mutation($id: ID!) { replyToBuyer(input: { id: $id, body: "   " }) { id } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only({ seller: 'BAD_USER_INPUT', scopedKey: 'BAD_USER_INPUT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    // Authorized already: answered as it stands. Another seller's id is that row's NOT_FOUND, not the call's.
    operation: 'bulkAuthorizeReturns',
    document: 'mutation($id: ID!) { bulkAuthorizeReturns(ids: [$id]) { id ok error { code } } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    operation: 'bulkCloseReturns',
    document: 'mutation($id: ID!) { bulkCloseReturns(ids: [$id], reason: NOT_RETURNED) { id ok error { code } } }',
    variables: (f) => ({ id: f.returnRequestId }),
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    // No such upload: the seller and its write:returns key are told so; another seller does not
    // even learn that the return exists.
    operation: 'attachPrepaidReturnLabel',
    document:
      'mutation($r: ID!) { attachPrepaidReturnLabel(returnId: $r, uploadId: "0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d") { id } }',
    variables: (f) => ({ r: f.returnRequestId }),
    expect: only([], { seller: 'NOT_FOUND', scopedKey: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'returnEmailSettings',
    document: '{ returnEmailSettings { receiveRequestEmails recipientEmail includeActionLinks } }',
    expect: only(['seller', 'otherSeller']),
  },
  {
    operation: 'updateReturnEmailSettings',
    document:
      'mutation { updateReturnEmailSettings(input: { receiveRequestEmails: true, recipientEmail: null, includeActionLinks: true }) { includeActionLinks } }',
    expect: only(['seller', 'otherSeller']),
  },
  {
    operation: 'returnSettings',
    document: '{ returnSettings(marketplace: US) { automaticInPolicy rmaPrefix } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    // A malformed RMA prefix: refused past authorization, nothing saved.
    operation: 'updateReturnSettings',
    document: `mutation { updateReturnSettings(input: { marketplace: US, automaticInPolicy: true, automaticOutOfPolicy: false,
      prepaidExemptSkus: [], exemptSkuAuthorization: MANUAL, rmaPrefix: "!!" }) { rmaPrefix } }`,
    expect: only({ seller: 'BAD_USER_INPUT', otherSeller: 'BAD_USER_INPUT', scopedKey: 'BAD_USER_INPUT' }),
  },
  {
    operation: 'returnAddresses',
    document: '{ returnAddresses { name isDefault } }',
    expect: only(['seller', 'otherSeller', 'scopedKey']),
  },
  {
    // A blank addressee: refused past authorization, nothing saved.
    operation: 'saveReturnAddress',
    document: `mutation { saveReturnAddress(input: { name: " ", line1: "1 A St", city: "B", region: "C",
      postalCode: "1", country: "US" }) { id } }`,
    expect: only({ seller: 'BAD_USER_INPUT', otherSeller: 'BAD_USER_INPUT', scopedKey: 'BAD_USER_INPUT' }),
  },
  {
    // The default already: answered as it is. Another seller does not learn the address exists.
    operation: 'setDefaultReturnAddress',
    document: 'mutation($id: ID!) { setDefaultReturnAddress(id: $id) { isDefault } }',
    variables: (f) => ({ id: f.defaultReturnAddressId }),
    expect: only(['seller', 'scopedKey'], { otherSeller: 'NOT_FOUND' }),
  },
  {
    // The default cannot be removed (CONFLICT); nothing changes.
    operation: 'removeReturnAddress',
    document: 'mutation($id: ID!) { removeReturnAddress(id: $id) { id } }',
    variables: (f) => ({ id: f.defaultReturnAddressId }),
    expect: only({ seller: 'CONFLICT', scopedKey: 'CONFLICT' }, { otherSeller: 'NOT_FOUND' }),
  },
  {
    operation: 'categoryReturnWindows',
    document: '{ categoryReturnWindows(marketplace: US) { categoryName days } }',
    expect: only(['admin']),
  },
  {
    // A window of 0 days: refused past authorization (BAD_USER_INPUT naming days), nothing changes.
    operation: 'setCategoryReturnWindow',
    document:
      'mutation { setCategoryReturnWindow(input: { marketplace: US, categoryName: "Headphones", days: 0 }) { days } }',
    expect: only({ admin: 'BAD_USER_INPUT' }),
  },
  {
    // A category without a window of its own: NOT_FOUND for the admin, nothing removed.
    operation: 'removeCategoryReturnWindow',
    document: 'mutation { removeCategoryReturnWindow(marketplace: US, categoryName: "No such category") { days } }',
    expect: only([], { admin: 'NOT_FOUND' }),
  },
  // Last: signing out everywhere ends every session of the account, the shared ones too.
  {
    operation: 'upsertOffer',
    document: 'mutation($input: UpsertOfferInput!) { upsertOffer(input: $input) { outcome } }',
    variables: (f) => ({
      input: {
        marketplace: 'US',
        externalId: `matrix-offer-${++unique}`,
        sellerId: f.quality.sellerId,
        sku: `MATRIX-${unique}`,
        productName: 'Renewed phone',
        brand: 'Acme',
        category: 'Phones',
        condition: 'Renewed',
        price: { amountMinor: 19_999, currency: 'USD' },
      },
    }),
    expect: only(['ingestKey']),
  },
  {
    operation: 'upsertOrder',
    document: 'mutation($input: UpsertOrderInput!) { upsertOrder(input: $input) { outcome } }',
    variables: (f) => ({
      input: {
        marketplace: 'US',
        externalId: `matrix-order-${++unique}`,
        offerExternalId: f.quality.offerExternalId,
        buyerReference: 'buyer',
        quantity: 1,
        orderedAt: '2026-11-01T19:00:00Z',
      },
    }),
    expect: only(['ingestKey']),
  },
  {
    operation: 'upsertOrderDefect',
    document: 'mutation($input: UpsertOrderDefectInput!) { upsertOrderDefect(input: $input) { outcome } }',
    variables: (f) => ({
      input: {
        marketplace: 'US',
        externalId: `matrix-defect-${++unique}`,
        orderExternalId: f.quality.orderExternalId,
        kind: 'CHARGEBACK',
        reportedAt: '2026-11-05T19:00:00Z',
      },
    }),
    expect: only(['ingestKey']),
  },
  {
    operation: 'upsertComplaint',
    document: 'mutation($input: UpsertComplaintInput!) { upsertComplaint(input: $input) { outcome } }',
    variables: (f) => ({
      input: {
        marketplace: 'US',
        externalId: `matrix-complaint-${++unique}`,
        orderExternalId: f.quality.orderExternalId,
        source: 'EMAIL',
        category: 'BATTERY',
        filedAt: '2026-11-05T19:00:00Z',
      },
    }),
    expect: only(['ingestKey']),
  },
  {
    operation: 'upsertProductRating',
    document: 'mutation($input: UpsertProductRatingInput!) { upsertProductRating(input: $input) { outcome } }',
    variables: (f) => ({
      input: {
        marketplace: 'US',
        externalId: `matrix-rating-${++unique}`,
        offerExternalId: f.quality.offerExternalId,
        stars: 4,
        ratedAt: '2026-11-05T19:00:00Z',
      },
    }),
    expect: only(['ingestKey']),
  },
  {
    // A reviewer's decision; the marketplace's own systems send complaints but never judge them.
    operation: 'invalidateComplaint',
    document: 'mutation($input: InvalidateComplaintInput!) { invalidateComplaint(input: $input) { id } }',
    variables: (f) => ({ input: { complaintId: f.quality.complaintId, reason: 'Matrix' } }),
    expect: only(['reviewer']),
  },
  // Sign-out rows last: signOutEverywhere ends the shared sessions of the rows above.
  { operation: 'signOut', document: 'mutation { signOut }', freshSession: true, expect: everyone('ok') },
  {
    operation: 'signOutEverywhere',
    document: 'mutation { signOutEverywhere }',
    freshSession: true,
    expect: only(['seller', 'otherSeller', 'reviewer', 'admin']),
  },
];

describe('access matrix', () => {
  let app: TestApp;
  let fixture: Fixture;
  const callers = {} as Record<Caller, () => Promise<TestClient>>;
  /** A new session for rows that end the one they run in. */
  let freshFor: (caller: Caller) => Promise<TestClient>;

  beforeAll(async () => {
    app = await startTestApp({
      seeders: [DemoDataSeeder],
      now: new TestClock(new Date('2026-11-23T17:00:00.000Z')).now,
    });
    const seller = await signedIn(app, SELLER_EMAIL);
    const admin = await signedIn(app, ADMIN_EMAIL);
    const ids = await idsOf(app);
    const scoped = await createKey(seller, [
      ApiScope.READ_APPLICATIONS,
      ApiScope.READ_QUALITY,
      ApiScope.READ_RETURNS,
      ApiScope.WRITE_RETURNS,
    ]);
    const unscoped = await createKey(seller, [ApiScope.READ_QUALITY]);
    const provider = await createKey(admin, [ApiScope.PROVIDER_RETURNS], ids.providerOrganizationId);
    const systems = await app.orm.em.fork().findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
    const ingest = await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id);
    const sacrificialKeyIds: string[] = [];
    for (let i = 0; i < CALLERS.length; i++)
      sacrificialKeyIds.push((await createKey(seller, [ApiScope.READ_RETURNS])).id);
    // The demo seller is approved in US and CA already; MX is free.
    const submitted = await submittedApplication(app, seller, SELLER_EMAIL, '2026-10-01', 'MX');
    const demoReturn = await app.orm.em.fork().findOneOrFail(ReturnRequest, { externalId: 'DEMO-EVG-1' });
    const sellerUser = await app.orm.em.fork().findOneOrFail(User, { email: SELLER_EMAIL });
    fixture = {
      ...ids,
      sacrificialKeyIds,
      applicationId: submitted.id,
      returnRequestId: demoReturn.id,
      quality: await qualityFixture(app),
      sellerOrganizationId: sellerUser.organization!.id,
      defaultReturnAddressId: (
        await app.orm.em
          .fork()
          .findOneOrFail(ReturnAddress, { organization: sellerUser.organization!.id, isDefault: true })
      ).id,
    };

    const sessions = new Map<Caller, TestClient>();
    const emails: Partial<Record<Caller, string>> = {
      seller: SELLER_EMAIL,
      otherSeller: OTHER_SELLER_EMAIL,
      reviewer: REVIEWER_EMAIL,
      admin: ADMIN_EMAIL,
    };
    for (const [caller, email] of Object.entries(emails) as Array<[Caller, string]>) {
      sessions.set(caller, await signedIn(app, email));
    }
    const keys: Partial<Record<Caller, string>> = {
      scopedKey: scoped.secret,
      unscopedKey: unscoped.secret,
      providerKey: provider.secret,
      ingestKey: ingest.secret,
    };
    for (const caller of CALLERS) {
      callers[caller] = () => {
        if (caller === 'anonymous') return Promise.resolve(app.client());
        if (keys[caller]) return Promise.resolve(app.withApiKey(keys[caller]));
        return Promise.resolve(sessions.get(caller)!);
      };
    }
    freshFor = (caller) => (emails[caller] ? signedIn(app, emails[caller]) : callers[caller]());
  });
  afterAll(() => app?.stop());

  it('lists every query and mutation of the schema', async () => {
    const res = await app.graphql<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(res.data!);
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ].sort();
    expect(ROWS.map((r) => r.operation).sort()).toEqual(operations);
  });

  for (const row of ROWS) {
    it.each(CALLERS)(`${row.operation} as %s`, async (caller) => {
      const client = row.freshSession ? await freshFor(caller) : await callers[caller]();
      const res = await client.graphql(row.document, row.variables?.(fixture, caller));
      // Any code at all, INTERNAL_SERVER_ERROR included: only the one the row names passes.
      const code = res.errors?.[0]?.extensions?.['code'];
      const outcome = res.errors ? (typeof code === 'string' ? code : 'no code') : 'ok';
      expect(outcome, JSON.stringify(res.errors ?? res.data)).toBe(row.expect[caller]);
      if (outcome !== 'ok') {
        expect(res.errors?.[0]?.message.length).toBeGreaterThan(20);
        expect(res.data ?? null).toBeNull();
      }
    });
  }
});

/** An offer, an order and a complaint as the marketplace's systems would have sent them. */
async function qualityFixture(app: TestApp): Promise<Fixture['quality']> {
  const em = app.orm.em.fork() as EntityManager;
  const seller = await qualitySeller(em);
  const offer = await qualityOffer(em, seller);
  const order = await qualityOrder(em, offer, new Date('2026-11-01T19:00:00Z'));
  const complaint = await qualityComplaint(em, order, new Date('2026-11-03T19:00:00Z'));
  return {
    sellerId: seller.id,
    offerExternalId: offer.externalId,
    orderExternalId: order.externalId,
    complaintId: complaint.id,
  };
}
