import { Reference } from '@mikro-orm/core';
import { isGeneratedRmaNumber } from '@recertify/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { OutboxEmail } from '../src/features/outbox/outbox-email.entity.js';
import { ReturnAddress } from '../src/features/returns/return-address.entity.js';
import { DEMO_MARKETPLACE_SYSTEMS } from '../src/seeders/demo-accounts.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { ADMIN_EMAIL, OTHER_SELLER_EMAIL, SELLER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, TestClock, type TestApp, type TestClient } from './support/test-app.js';

const START = new Date('2026-11-23T17:00:00.000Z');
const RECEIVE = `mutation($input: ReceiveReturnRequestInput!) {
  receiveReturnRequest(input: $input) {
    id state version inPolicy outOfPolicyReason policyExplanation returnWindowDays lastDayToRequest
    authorizationMode authorizationReason rma deadline
  }
}`;
const AUTHORIZE = `mutation($input: AuthorizeReturnInput!) {
  authorizeReturn(input: $input) { id state version rma deadline returnAddress { name } }
}`;
const CLOSE = `mutation($input: CloseReturnInput!) { closeReturn(input: $input) { id state version closeReason } }`;
const BULK_AUTHORIZE = `mutation($ids: [ID!]!) {
  bulkAuthorizeReturns(ids: $ids) { id ok returnRequest { id state rma deadline } error { code reason field } }
}`;
const BULK_CLOSE = `mutation($ids: [ID!]!, $reason: ReturnCloseReason!) {
  bulkCloseReturns(ids: $ids, reason: $reason) { id ok returnRequest { id state closeReason } error { code reason } }
}`;

const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;

describe('returns', () => {
  const clock = new TestClock(START);
  let app: TestApp;
  let marketplace: TestClient;
  let seller: TestClient;
  let professional: TestClient;
  let sellerId: string;
  let professionalId: string;
  let counter = 0;

  /** A request of `who` delivered at `deliveredAt`, asked `requestedAt`; the marketplace key sends it. */
  async function receive(who: string, requestedAt: string, deliveredAt: string | null, extra: object = {}) {
    counter += 1;
    const res = await marketplace.graphql<any>(RECEIVE, {
      input: {
        sellerId: who,
        marketplace: 'US',
        externalId: `R-${counter}`,
        orderId: `114-${counter}`,
        orderDeliveredAt: deliveredAt,
        items: [{ sku: `SKU-${counter}`, quantity: 1, categoryName: 'Phones' }],
        reason: 'DEFECTIVE',
        buyerComment: 'It does not turn on.',
        buyerEmail: `buyer${counter}@example.com`,
        requestedAt,
        ...extra,
      },
    });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.receiveReturnRequest;
  }

  beforeAll(async () => {
    app = await startTestApp({ seeders: [DemoDataSeeder], now: clock.now });
    const em = app.orm.em.fork();
    const systems = await em.findOneOrFail(Organization, { name: DEMO_MARKETPLACE_SYSTEMS.name });
    const admin = await signedIn(app, ADMIN_EMAIL);
    marketplace = app.withApiKey((await createKey(admin, [ApiScope.INGEST_MARKETPLACE_DATA], systems.id)).secret);
    seller = await signedIn(app, OTHER_SELLER_EMAIL);
    professional = await signedIn(app, SELLER_EMAIL);
    sellerId = (await em.findOneOrFail(Organization, { name: 'Fresh Start Electronics' })).id;
    professionalId = (await em.findOneOrFail(Organization, { name: 'Evergreen Renewed' })).id;
    em.persist(
      new ReturnAddress({
        organization: Reference.createFromPK(Organization, sellerId),
        name: 'Fresh Start Returns',
        line1: '1 Main St',
        city: 'Portland',
        region: 'OR',
        postalCode: '97201',
        country: 'US',
        isDefault: true,
      }),
    );
    await em.flush();
  });
  beforeEach(() => clock.set(START));
  afterAll(() => app?.stop());

  describe('arrival', () => {
    it('is in policy on day 30 after delivery and out on day 31, in the marketplace time zone', async () => {
      // Delivered at noon in Los Angeles on 1 October.
      const day30 = await receive(sellerId, '2026-10-31T19:00:00Z', '2026-10-01T19:00:00Z');
      const day31 = await receive(sellerId, '2026-11-01T20:00:00Z', '2026-10-01T19:00:00Z');
      // 23:00 on 31 October in Los Angeles is already 1 November in UTC: still day 30.
      const lateDay30 = await receive(sellerId, '2026-11-01T06:00:00Z', '2026-10-01T19:00:00Z');
      expect(day30).toMatchObject({ inPolicy: true, outOfPolicyReason: null, lastDayToRequest: '2026-10-31' });
      expect(day31).toMatchObject({ inPolicy: false, outOfPolicyReason: 'WINDOW_CLOSED', returnWindowDays: 30 });
      expect(lateDay30.inPolicy).toBe(true);
      // A new seller reviews its requests itself (INDIVIDUAL by default).
      expect(day30).toMatchObject({
        state: 'REQUESTED',
        authorizationMode: 'MANUAL',
        authorizationReason: 'INDIVIDUAL_MANUAL',
      });
      expect(day31).toMatchObject({ state: 'REQUESTED', authorizationReason: 'OUT_OF_POLICY_MANUAL' });
    });

    it("judges a category by its own window (Headphones: 15 days in the demo's US)", async () => {
      const headphones = { items: [{ sku: 'HP-1', quantity: 1, categoryName: 'Headphones' }] };
      const day15 = await receive(sellerId, '2026-10-16T19:00:00Z', '2026-10-01T19:00:00Z', headphones);
      const day16 = await receive(sellerId, '2026-10-17T19:00:00Z', '2026-10-01T19:00:00Z', headphones);
      expect(day15).toMatchObject({ inPolicy: true, returnWindowDays: 15 });
      expect(day16).toMatchObject({ inPolicy: false, returnWindowDays: 15 });
      expect(day16.policyExplanation).toContain('Headphones');
    });

    it('authorizes in-policy requests of a professional seller at once, with a generated RMA and the deadline', async () => {
      clock.set(new Date('2026-10-06T17:00:00Z'));
      const request = await receive(professionalId, '2026-10-06T17:00:00Z', '2026-10-01T19:00:00Z');
      expect(request).toMatchObject({ state: 'AUTHORIZED', authorizationMode: 'AUTOMATIC', deadline: '2026-11-15' });
      expect(isGeneratedRmaNumber(request.rma)).toBe(true);
    });

    it('emails the seller the reason, and why when out of policy; the same request again changes nothing', async () => {
      const input = { externalId: 'R-EMAIL-1' };
      const first = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-10-01T19:00:00Z', input);
      const again = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-10-01T19:00:00Z', input);
      expect(again.id).toBe(first.id);
      const emails = await app.orm.em
        .fork()
        .find(OutboxEmail, { kind: 'return.requested', toAddress: OTHER_SELLER_EMAIL });
      const mine = emails.filter((e) => e.textBody.includes(`/returns/${first.id}`));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.subject).toContain('Defective or does not work');
      expect(mine[0]!.subject).toContain('out of policy');
      expect(mine[0]!.textBody).toContain('This request is out of policy. Out of policy: requested on 2026-11-20');
    });

    it('refuses keys without ingest:marketplace-data, and names malformed fields', async () => {
      const res = await seller.graphql<any>(RECEIVE, {
        input: {
          sellerId,
          marketplace: 'US',
          externalId: 'x',
          orderId: 'o',
          items: [],
          reason: 'OTHER',
          requestedAt: '2026-11-20T10:00:00Z',
        },
      });
      expect(errorOf(res)?.['code']).toBe('FORBIDDEN');
      const bad = await marketplace.graphql<any>(RECEIVE, {
        input: {
          sellerId,
          marketplace: 'US',
          externalId: ' ',
          orderId: 'o',
          items: [],
          reason: 'OTHER',
          requestedAt: '2026-11-20T10:00:00Z',
        },
      });
      expect(errorOf(bad)?.['fields']).toEqual([
        { field: 'externalId', message: 'is required' },
        { field: 'items', message: 'must hold at least one item' },
      ]);
    });
  });

  describe('authorizing and closing', () => {
    it("authorizes with the seller's own RMA; a used one is refused naming the field `rma`", async () => {
      const one = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const two = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const ok = await seller.graphql<any>(AUTHORIZE, {
        input: { id: one.id, version: one.version, rma: ' fs-20261 ' },
      });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.authorizeReturn).toMatchObject({ state: 'AUTHORIZED', rma: 'FS-20261', deadline: '2026-12-25' });
      expect(ok.data.authorizeReturn.returnAddress.name).toBe('Fresh Start Returns');

      const used = await seller.graphql<any>(AUTHORIZE, {
        input: { id: two.id, version: two.version, rma: 'FS-20261' },
      });
      expect(errorOf(used)).toMatchObject({ code: 'CONFLICT', reason: 'RMA_TAKEN', field: 'rma' });
      const malformed = await seller.graphql<any>(AUTHORIZE, {
        input: { id: two.id, version: two.version, rma: 'a b' },
      });
      expect(errorOf(malformed)?.['fields']).toEqual([
        { field: 'rma', message: 'An RMA number has at least 4 characters; "a b" has 3.' },
      ]);
      // Nothing changed: it can still be authorized, to a new address.
      const generated = await seller.graphql<any>(AUTHORIZE, {
        input: {
          id: two.id,
          version: two.version,
          newAddress: {
            name: 'Warehouse 2',
            line1: '2 Dock Rd',
            city: 'Tacoma',
            region: 'WA',
            postalCode: '98402',
            country: 'us',
          },
        },
      });
      expect(generated.errors).toBeUndefined();
      expect(isGeneratedRmaNumber(generated.data.authorizeReturn.rma)).toBe(true);
      expect(generated.data.authorizeReturn.returnAddress.name).toBe('Warehouse 2');
    });

    it('refuses authorizing a closed return and a stale version, each with a typed error', async () => {
      const request = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const closed = await seller.graphql<any>(CLOSE, {
        input: { id: request.id, version: request.version, reason: 'DECLINED' },
      });
      expect(closed.data.closeReturn.state).toBe('CLOSED');
      const again = await seller.graphql<any>(AUTHORIZE, {
        input: { id: request.id, version: closed.data.closeReturn.version },
      });
      expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      const other = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const stale = await seller.graphql<any>(AUTHORIZE, { input: { id: other.id, version: other.version + 5 } });
      expect(errorOf(stale)?.['code']).toBe('CONFLICT');
      const wrongReason = await seller.graphql<any>(CLOSE, {
        input: { id: other.id, version: other.version, reason: 'NOT_RETURNED' },
      });
      expect(errorOf(wrongReason)).toMatchObject({ code: 'CONFLICT', reason: 'CLOSE_REASON', field: 'reason' });
    });

    it('closes an authorized return as not returned only after its deadline: day 45 refused, day 46 closed', async () => {
      // Delivered 1 October (Los Angeles), requested on day 5: the deadline is day 30 + 15 = 15 November.
      clock.set(new Date('2026-10-06T19:00:00Z'));
      const request = await receive(sellerId, '2026-10-06T19:00:00Z', '2026-10-01T19:00:00Z');
      const authorized = await seller.graphql<any>(AUTHORIZE, { input: { id: request.id, version: request.version } });
      expect(authorized.data.authorizeReturn.deadline).toBe('2026-11-15');
      const version = authorized.data.authorizeReturn.version;
      clock.set(new Date('2026-11-16T07:59:00Z')); // 23:59 on 15 November in Los Angeles (day 45)
      const early = await seller.graphql<any>(CLOSE, { input: { id: request.id, version, reason: 'NOT_RETURNED' } });
      expect(errorOf(early)).toMatchObject({ code: 'CONFLICT', reason: 'BEFORE_DEADLINE' });
      clock.set(new Date('2026-11-16T08:00:00Z')); // midnight: day 46
      const closed = await seller.graphql<any>(CLOSE, { input: { id: request.id, version, reason: 'NOT_RETURNED' } });
      expect(closed.errors).toBeUndefined();
      expect(closed.data.closeReturn).toMatchObject({ state: 'CLOSED', closeReason: 'NOT_RETURNED' });
    });

    it('replies to the buyer in the thread and by email', async () => {
      const request = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const res = await seller.graphql<any>(
        `mutation($input: ReplyToBuyerInput!) { replyToBuyer(input: $input) { id messages { author body } } }`,
        { input: { id: request.id, body: 'Please send it back with the charger.' } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.replyToBuyer.messages).toEqual([
        { author: 'SELLER', body: 'Please send it back with the charger.' },
      ]);
      const email = await app.orm.em
        .fork()
        .findOneOrFail(OutboxEmail, { kind: 'return.reply', toAddress: `buyer${counter}@example.com` });
      expect(email.textBody).toBe('Please send it back with the charger.');
    });
  });

  describe('settings and addresses', () => {
    it('saves the RMA format and exempt SKUs, naming each field at fault; generated RMAs then carry the prefix', async () => {
      const SAVE = `mutation($input: ReturnSettingsInput!) { updateReturnSettings(input: $input) { rmaPrefix prepaidExemptSkus } }`;
      const base = {
        marketplace: 'US',
        automaticInPolicy: false,
        automaticOutOfPolicy: false,
        exemptSkuAuthorization: 'MANUAL',
      };
      const bad = await seller.graphql<any>(SAVE, {
        input: { ...base, prepaidExemptSkus: ['A', 'A'], rmaPrefix: 'no way' },
      });
      expect(errorOf(bad)?.['fields']).toEqual([
        { field: 'prepaidExemptSkus[1]', message: 'A is listed twice.' },
        { field: 'rmaPrefix', message: 'must be 1 to 8 letters A-Z or digits' },
      ]);
      const saved = await seller.graphql<any>(SAVE, {
        input: { ...base, prepaidExemptSkus: ['BULKY-1'], rmaPrefix: 'fs' },
      });
      expect(saved.data.updateReturnSettings).toEqual({ rmaPrefix: 'FS', prepaidExemptSkus: ['BULKY-1'] });
      const request = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const authorized = await seller.graphql<any>(AUTHORIZE, { input: { id: request.id, version: request.version } });
      expect(authorized.data.authorizeReturn.rma).toMatch(/^FS-/);
      await seller.graphql(SAVE, { input: { ...base, prepaidExemptSkus: [], rmaPrefix: null } });
    });

    it('reads the settings with the seller type they are applied with', async () => {
      const READ = '{ returnSettings(marketplace: US) { marketplace sellerType automaticInPolicy } }';
      // Evergreen applied as PROFESSIONAL: its in-policy requests are automatic whatever it saved.
      expect((await professional.graphql<any>(READ)).data.returnSettings).toEqual({
        marketplace: 'US',
        sellerType: 'PROFESSIONAL',
        automaticInPolicy: false,
      });
      // Fresh Start never said: INDIVIDUAL, the manual default.
      expect((await seller.graphql<any>(READ)).data.returnSettings.sellerType).toBe('INDIVIDUAL');
    });

    it('lists saved addresses, the default first', async () => {
      const saved = await seller.graphql<any>(
        `mutation($input: SaveReturnAddressInput!) { saveReturnAddress(input: $input) { name isDefault } }`,
        {
          input: { name: 'Annex', line1: '3 Side St', city: 'Salem', region: 'OR', postalCode: '97301', country: 'US' },
        },
      );
      expect(saved.data.saveReturnAddress).toEqual({ name: 'Annex', isDefault: false });
      const list = await seller.graphql<any>('{ returnAddresses { name isDefault } }');
      expect(list.data.returnAddresses[0]).toEqual({ name: 'Fresh Start Returns', isDefault: true });
    });

    it('makes a saved address the default, refuses removing the default, and a removed address is gone from list and choices', async () => {
      const SAVE_ADDRESS = `mutation($input: SaveReturnAddressInput!) { saveReturnAddress(input: $input) { id isDefault } }`;
      const LIST = '{ returnAddresses { id name isDefault } }';
      const warehouse = (
        await seller.graphql<any>(SAVE_ADDRESS, {
          input: {
            name: 'Warehouse',
            line1: '9 Dock Rd',
            city: 'Eugene',
            region: 'OR',
            postalCode: '97401',
            country: 'us',
          },
        })
      ).data.saveReturnAddress;
      const before = (await seller.graphql<any>(LIST)).data.returnAddresses;
      const oldDefault = before.find((a: any) => a.isDefault);

      const made = await seller.graphql<any>(
        'mutation($id: ID!) { setDefaultReturnAddress(id: $id) { id isDefault } }',
        {
          id: warehouse.id,
        },
      );
      expect(made.data.setDefaultReturnAddress).toEqual({ id: warehouse.id, isDefault: true });
      const after = (await seller.graphql<any>(LIST)).data.returnAddresses;
      expect(after.filter((a: any) => a.isDefault).map((a: any) => a.id)).toEqual([warehouse.id]);
      expect(after[0].id).toBe(warehouse.id);

      // The default cannot be removed: CONFLICT, and it stays.
      const REMOVE = 'mutation($id: ID!) { removeReturnAddress(id: $id) { id } }';
      const refused = await seller.graphql<any>(REMOVE, { id: warehouse.id });
      expect(errorOf(refused)?.['code']).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/make another address the default first/);
      // Another seller's address is not found for them, and is left as it was.
      const stranger = await professional.graphql<any>(REMOVE, { id: oldDefault.id });
      expect(errorOf(stranger)?.['code']).toBe('NOT_FOUND');

      // A request authorized to the old default keeps it after the address is removed.
      const request = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const sent = await seller.graphql<any>(AUTHORIZE, {
        input: { id: request.id, version: request.version, addressId: oldDefault.id },
      });
      expect(sent.data.authorizeReturn.returnAddress).toEqual({ name: oldDefault.name });
      const removed = await seller.graphql<any>(REMOVE, { id: oldDefault.id });
      expect(removed.errors).toBeUndefined();
      const left = (await seller.graphql<any>(LIST)).data.returnAddresses.map((a: any) => a.id);
      expect(left).not.toContain(oldDefault.id);
      const still = await seller.graphql<any>('query($id: ID!) { returnRequest(id: $id) { returnAddress { name } } }', {
        id: request.id,
      });
      expect(still.data.returnRequest.returnAddress).toEqual({ name: oldDefault.name });

      // Removed: no longer a choice when authorizing, nor for a second removal or default.
      const next = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const toRemoved = await seller.graphql<any>(AUTHORIZE, {
        input: { id: next.id, version: next.version, addressId: oldDefault.id },
      });
      expect(errorOf(toRemoved)?.['fields']).toEqual([
        { field: 'addressId', message: 'is not one of your return addresses' },
      ]);
      expect(errorOf(await seller.graphql<any>(REMOVE, { id: oldDefault.id }))?.['code']).toBe('NOT_FOUND');
      const again = await seller.graphql<any>('mutation($id: ID!) { setDefaultReturnAddress(id: $id) { id } }', {
        id: oldDefault.id,
      });
      expect(errorOf(again)?.['code']).toBe('NOT_FOUND');
      const audit = await app.orm.em
        .fork()
        .find(AuditLogEntry, { subjectType: 'ReturnAddress', subjectId: { $in: [warehouse.id, oldDefault.id] } });
      expect(audit.map((a) => a.action).sort()).toEqual(['RETURN_ADDRESS_MADE_DEFAULT', 'RETURN_ADDRESS_REMOVED']);
    });

    it('leaves exactly one default when defaults are set and saved at the same moment', async () => {
      const SAVE_ADDRESS = `mutation($input: SaveReturnAddressInput!) { saveReturnAddress(input: $input) { id } }`;
      const address = (name: string, makeDefault = false) => ({
        input: {
          name,
          line1: '5 Race Way',
          city: 'Bend',
          region: 'OR',
          postalCode: '97701',
          country: 'US',
          makeDefault,
        },
      });
      const ids: string[] = [];
      for (const name of ['Race A', 'Race B', 'Race C']) {
        ids.push((await seller.graphql<any>(SAVE_ADDRESS, address(name))).data.saveReturnAddress.id);
      }
      const defaults = async () =>
        (await seller.graphql<any>('{ returnAddresses { id isDefault } }')).data.returnAddresses.filter(
          (a: any) => a.isDefault,
        );

      const SET = 'mutation($id: ID!) { setDefaultReturnAddress(id: $id) { id } }';
      const made = await Promise.all(
        ids.flatMap((id) => [seller.graphql<any>(SET, { id }), seller.graphql<any>(SET, { id })]),
      );
      expect(made.map((r) => r.errors)).toEqual(made.map(() => undefined));
      expect(await defaults()).toHaveLength(1);

      const saved = await Promise.all(
        ['Race D', 'Race E', 'Race F'].map((name) => seller.graphql<any>(SAVE_ADDRESS, address(name, true))),
      );
      expect(saved.map((r) => r.errors)).toEqual(saved.map(() => undefined));
      const [only] = await defaults();
      expect(saved.map((r) => r.data.saveReturnAddress.id)).toContain(only.id);
      expect(await defaults()).toHaveLength(1);
    });
  });

  describe('bulk', () => {
    it('authorizes each request or reports its own error; the same call again answers the same and changes nothing', async () => {
      const requested = [];
      for (let i = 0; i < 3; i++)
        requested.push(await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z'));
      const closed = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      await seller.graphql(CLOSE, { input: { id: closed.id, version: closed.version, reason: 'DECLINED' } });
      const unknown = '00000000-0000-4000-8000-000000000000';
      const ids = [...requested.map((r) => r.id), closed.id, unknown];

      const first = await seller.graphql<any>(BULK_AUTHORIZE, { ids });
      expect(first.errors).toBeUndefined();
      const rows = first.data.bulkAuthorizeReturns;
      expect(rows.map((r: any) => r.ok)).toEqual([true, true, true, false, false]);
      expect(rows[3].error).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(rows[4].error).toMatchObject({ code: 'NOT_FOUND' });
      for (const row of rows.slice(0, 3)) expect(isGeneratedRmaNumber(row.returnRequest.rma)).toBe(true);

      const second = await seller.graphql<any>(BULK_AUTHORIZE, { ids });
      expect(second.data).toEqual(first.data);
      const audits = await app.orm.em.fork().find(AuditLogEntry, {
        subjectId: { $in: requested.map((r) => r.id) },
        action: 'RETURN_AUTHORIZED',
      });
      expect(audits).toHaveLength(3);
    });

    it('two calls racing over the same requests authorize each once, with one RMA', async () => {
      const requested = [];
      for (let i = 0; i < 20; i++)
        requested.push(await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z'));
      const ids = requested.map((r) => r.id);
      const [a, b] = await Promise.all([
        seller.graphql<any>(BULK_AUTHORIZE, { ids }),
        seller.graphql<any>(BULK_AUTHORIZE, { ids: [...ids].reverse() }),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      const rmaOf = (res: any) => new Map(res.data.bulkAuthorizeReturns.map((r: any) => [r.id, r.returnRequest?.rma]));
      expect([...rmaOf(a).values()].every(Boolean)).toBe(true);
      expect(rmaOf(b)).toEqual(rmaOf(a));
      const audits = await app.orm.em
        .fork()
        .find(AuditLogEntry, { subjectId: { $in: ids }, action: 'RETURN_AUTHORIZED' });
      expect(audits).toHaveLength(20);
      const emails = await app.orm.em
        .fork()
        .count(OutboxEmail, { kind: 'return.authorized', subject: { $like: '%RMA%' } });
      expect(emails).toBeGreaterThanOrEqual(20);
    });

    it('closes in bulk, repeatably, and refuses more than 1,000 ids naming `ids`', async () => {
      const one = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const two = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const first = await seller.graphql<any>(BULK_CLOSE, { ids: [one.id, two.id], reason: 'BUYER_CANCELLED' });
      expect(first.data.bulkCloseReturns.map((r: any) => r.returnRequest.state)).toEqual(['CLOSED', 'CLOSED']);
      const again = await seller.graphql<any>(BULK_CLOSE, { ids: [one.id, two.id], reason: 'BUYER_CANCELLED' });
      expect(again.data).toEqual(first.data);
      const tooMany = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const res = await seller.graphql<any>(BULK_CLOSE, { ids: tooMany, reason: 'DECLINED' });
      expect(errorOf(res)?.['fields']).toEqual([{ field: 'ids', message: 'must have at most 1000 items' }]);
    });

    it('a mixed batch: each row gets its own outcome; only the changed rows get a new version, an audit entry and an email', async () => {
      clock.set(new Date('2026-10-06T19:00:00Z'));
      const authorized = await receive(sellerId, '2026-10-06T19:00:00Z', '2026-10-01T19:00:00Z');
      const auth = await seller.graphql<any>(AUTHORIZE, { input: { id: authorized.id, version: authorized.version } });
      expect(auth.errors).toBeUndefined();
      const requested: any[] = [];
      const buyerOf = new Map<string, string>();
      for (let i = 0; i < 3; i++) {
        requested.push(await receive(sellerId, '2026-10-06T19:00:00Z', '2026-10-01T19:00:00Z'));
        buyerOf.set(requested[i].id, `buyer${counter}@example.com`);
      }
      const declined = await receive(sellerId, '2026-10-06T19:00:00Z', '2026-10-01T19:00:00Z');
      await seller.graphql(CLOSE, { input: { id: declined.id, version: declined.version, reason: 'DECLINED' } });
      const unknown = '00000000-0000-4000-8000-00000000abcd';
      const ids = [requested[0]!.id, authorized.id, requested[1]!.id, declined.id, unknown, requested[2]!.id];

      // An authorized return closes only as NOT_RETURNED after its deadline: BUYER_CANCELLED is refused for it alone.
      const res = await seller.graphql<any>(BULK_CLOSE, { ids, reason: 'BUYER_CANCELLED' });
      expect(res.errors).toBeUndefined();
      const rows = res.data.bulkCloseReturns;
      expect(rows.map((r: any) => r.id)).toEqual(ids);
      expect(rows.map((r: any) => r.ok)).toEqual([true, false, true, false, false, true]);
      expect(rows[1].error).toMatchObject({ code: 'CONFLICT', reason: 'CLOSE_REASON' });
      expect(rows[3].error).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(rows[4].error).toMatchObject({ code: 'NOT_FOUND' });
      for (const i of [0, 2, 5])
        expect(rows[i].returnRequest).toMatchObject({ state: 'CLOSED', closeReason: 'BUYER_CANCELLED' });

      // The changed ones moved on a version: the version read before is now stale for a single close.
      const stale = await seller.graphql<any>(CLOSE, {
        input: { id: requested[0]!.id, version: requested[0]!.version, reason: 'BUYER_CANCELLED' },
      });
      expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT' });
      const em = app.orm.em.fork();
      const audits = await em.find(AuditLogEntry, { subjectId: { $in: ids }, action: 'RETURN_CLOSED' });
      expect(audits.map((a) => a.subjectId).sort()).toEqual(
        [requested[0]!.id, requested[1]!.id, requested[2]!.id, declined.id].sort(),
      );
      const bulkAudit = audits.find((a) => a.subjectId === requested[1]!.id)!;
      expect(bulkAudit).toMatchObject({
        actorKind: 'USER',
        data: { reason: 'BUYER_CANCELLED', from: 'REQUESTED', bulk: true },
      });
      expect(bulkAudit.at).toEqual(new Date('2026-10-06T19:00:00Z'));
      // The authorized one's buyer was emailed on authorization only; each closed one's buyer once.
      const emails = await em.find(OutboxEmail, { kind: 'return.closed', toAddress: { $in: [...buyerOf.values()] } });
      expect(emails.map((e) => e.toAddress).sort()).toEqual([...buyerOf.values()].sort());
      expect(emails[0]).toMatchObject({ status: 'PENDING', attempts: 0 });
      expect(emails[0]!.textBody).toContain('Reason: ');

      // Repeated: the same answer, and nothing more written.
      const again = await seller.graphql<any>(BULK_CLOSE, { ids, reason: 'BUYER_CANCELLED' });
      expect(again.data).toEqual(res.data);
      expect(await em.fork().count(AuditLogEntry, { subjectId: { $in: ids }, action: 'RETURN_CLOSED' })).toBe(4);
    });

    it('bulk authorize writes each RMA once, on the row, in its audit entry and in its email', async () => {
      const requested: any[] = [];
      const buyerOf = new Map<string, string>();
      for (let i = 0; i < 3; i++) {
        requested.push(await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z'));
        buyerOf.set(requested[i].id, `buyer${counter}@example.com`);
      }
      const res = await seller.graphql<any>(BULK_AUTHORIZE, { ids: requested.map((r) => r.id) });
      expect(res.errors).toBeUndefined();
      const em = app.orm.em.fork();
      for (const row of res.data.bulkAuthorizeReturns) {
        const { rma, deadline } = row.returnRequest;
        const [audit] = await em.find(AuditLogEntry, { subjectId: row.id, action: 'RETURN_AUTHORIZED' });
        expect(audit!.data).toEqual({ rma, generated: true, deadline, bulk: true });
        const emails = await em.find(OutboxEmail, { kind: 'return.authorized', toAddress: buyerOf.get(row.id)! });
        expect(emails).toHaveLength(1);
        expect(emails[0]!.subject).toContain(`(RMA ${rma})`);
        expect(emails[0]!.textBody).toContain(`arrives by ${deadline}`);
      }
      const rmas = res.data.bulkAuthorizeReturns.map((r: any) => r.returnRequest.rma);
      expect(new Set(rmas).size).toBe(3);
    });

    it("acts on the seller's own returns only: another seller's ids are that row's NOT_FOUND", async () => {
      const request = await receive(sellerId, '2026-11-20T19:00:00Z', '2026-11-10T19:00:00Z');
      const res = await professional.graphql<any>(BULK_AUTHORIZE, { ids: [request.id] });
      expect(res.data.bulkAuthorizeReturns[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
