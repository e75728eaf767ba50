import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiScope } from '../src/features/api-keys/api-key.enums.js';
import { Organization } from '../src/features/accounts/organization.entity.js';
import { AuditLogEntry } from '../src/features/audit/audit-log-entry.entity.js';
import { PrepaidReturnLabel } from '../src/features/returns/labels/return-label.entity.js';
import { ReturnRequest } from '../src/features/returns/return-request.entity.js';
import { DemoDataSeeder } from '../src/seeders/demo-data.seeder.js';
import { OTHER_SELLER_EMAIL, REVIEWER_EMAIL, SELLER_EMAIL, createKey, signedIn } from './support/principals.js';
import { startTestApp, type TestApp, type TestClient } from './support/test-app.js';

/** The approved demo seller (approved-seller@...) sells as Evergreen Renewed and has returns in every state. */
const SELLER_ORGANIZATION = 'Evergreen Renewed';

let app: TestApp;
let seller: TestClient;
let otherSeller: TestClient;
let reviewer: TestClient;
let authorized: ReturnRequest;
let requested: ReturnRequest;

beforeAll(async () => {
  app = await startTestApp({ seeders: [DemoDataSeeder] });
  [seller, otherSeller, reviewer] = await Promise.all([
    signedIn(app, SELLER_EMAIL),
    signedIn(app, OTHER_SELLER_EMAIL),
    signedIn(app, REVIEWER_EMAIL),
  ]);
  const em = app.orm.em.fork();
  const organization = await em.findOneOrFail(Organization, { name: SELLER_ORGANIZATION });
  authorized = await em.findOneOrFail(
    ReturnRequest,
    { organization, status: 'AUTHORIZED', returnAddress: { $ne: null } },
    { populate: ['returnAddress'] },
  );
  requested = await em.findOneOrFail(ReturnRequest, { organization, status: 'REQUESTED' });
});

afterAll(async () => {
  await app?.stop();
});

function download(path: string, who: { cookie?: string | null; key?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who.cookie) headers['cookie'] = `rc_session=${who.cookie}`;
  if (who.key) headers['authorization'] = `Bearer ${who.key}`;
  return fetch(new URL(path, app.url), { headers });
}

async function textOf(response: Response): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const labelPath = (id: string) => `/returns/${id}/label.pdf`;
const slipPath = (id: string) => `/returns/${id}/packing-slip.pdf`;

describe('the generated label and packing slip', () => {
  it('download as PDF attachments that read back with the return address and the RMA', async () => {
    const response = await download(labelPath(authorized.id), { cookie: seller.sessionToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="return-label-${authorized.rma}.pdf"`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await textOf(response);
    const address = authorized.returnAddress!.getEntity();
    expect(text).toContain(authorized.rma!);
    expect(text).toContain(address.name);
    expect(text).toContain(address.line1);
    expect(text).toContain(`${address.city}, ${address.region} ${address.postalCode}`);
    expect(text).toContain(`Seller: ${SELLER_ORGANIZATION}`);
    expect(text).toContain(`Order: ${authorized.orderExternalId}`);

    const slip = await download(slipPath(authorized.id), { cookie: seller.sessionToken });
    expect(slip.status).toBe(200);
    const slipText = await textOf(slip);
    expect(slipText).toContain(authorized.rma!);
    expect(slipText).toContain(authorized.items[0]!.sku);
  });

  it('are shown to the seller, reviewers and the seller’s read:returns keys; 404 for everyone else', async () => {
    const readKey = await createKey(seller, [ApiScope.READ_RETURNS]);
    const otherKey = await createKey(seller, [ApiScope.READ_QUALITY]);
    const outsiderKey = await createKey(otherSeller, [ApiScope.READ_RETURNS]);
    const path = labelPath(authorized.id);
    expect((await download(path, { cookie: seller.sessionToken })).status).toBe(200);
    expect((await download(path, { cookie: reviewer.sessionToken })).status).toBe(200);
    expect((await download(path, { key: readKey.secret })).status).toBe(200);
    expect((await download(path, { key: otherKey.secret })).status).toBe(404);
    expect((await download(path, { key: outsiderKey.secret })).status).toBe(404);
    expect((await download(path, { cookie: otherSeller.sessionToken })).status).toBe(404);
    expect((await download(path)).status).toBe(401);
    // An unknown id and a malformed one answer the same as someone else's return.
    const unknown = await download(labelPath('0b9f3c52-1d7e-4c0a-9a51-2f0e6f1f4c3d'), { cookie: seller.sessionToken });
    expect(unknown.status).toBe(404);
    const malformed = await download(labelPath('not-an-id'), { cookie: seller.sessionToken });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('do not exist before the return is authorized (409, no RMA to print)', async () => {
    const response = await download(labelPath(requested.id), { cookie: seller.sessionToken });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CONFLICT' } }] });
  });

  it('are listed on the return for GraphQL clients once it is authorized', async () => {
    const query =
      'query($id: ID!) { returnRequest(id: $id) { documents { labelPath packingSlipPath prepaidLabelUploaded } } }';
    const res = await seller.graphql<any>(query, { id: authorized.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.returnRequest.documents).toEqual({
      labelPath: labelPath(authorized.id),
      packingSlipPath: slipPath(authorized.id),
      prepaidLabelUploaded: false,
    });
    const before = await seller.graphql<any>(query, { id: requested.id });
    expect(before.data.returnRequest.documents).toBeNull();
  });
});

describe("the seller's own prepaid label", () => {
  const ATTACH =
    'mutation($r: ID!, $u: ID!) { attachPrepaidReturnLabel(returnId: $r, uploadId: $u) { id labelKind documents { prepaidLabelUploaded prepaidLabelPages } } }';

  async function upload(client: TestClient, pdf: Uint8Array, name = 'label.pdf'): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(pdf)], { type: 'application/pdf' }), name);
    const response = await fetch(new URL('/uploads?kind=DOCUMENT', app.url), {
      method: 'POST',
      headers: { 'x-recertify-upload': '1', cookie: `rc_session=${client.sessionToken}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function pdfOf(pages: number, size: [number, number] = [288, 432]): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    for (let i = 0; i < pages; i += 1)
      document.addPage(size).drawText(`CARRIER LABEL page ${i + 1}`, { x: 20, y: 200 });
    return document.save();
  }

  it('replaces the generated label: the download is the uploaded file, byte for byte', async () => {
    const pdf = await pdfOf(1);
    const uploadId = await upload(seller, pdf);
    const res = await seller.graphql<any>(ATTACH, { r: authorized.id, u: uploadId });
    expect(res.errors).toBeUndefined();
    expect(res.data.attachPrepaidReturnLabel).toMatchObject({
      labelKind: 'UPLOADED',
      documents: { prepaidLabelUploaded: true, prepaidLabelPages: 1 },
    });
    const response = await download(labelPath(authorized.id), { cookie: seller.sessionToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pdf));
    // The packing slip is still the system's, with the RMA.
    expect(await textOf(await download(slipPath(authorized.id), { cookie: seller.sessionToken }))).toContain(
      authorized.rma!,
    );
  });

  it('is refused, naming the field and the rule, when it is no label: too many pages, an image', async () => {
    const em = app.orm.em.fork();
    const before = await em.findOne(PrepaidReturnLabel, { returnRequest: requested.id });
    const audits = await em.count(AuditLogEntry, { subjectId: requested.id });

    const sixPages = await upload(seller, await pdfOf(6));
    const res = await seller.graphql<any>(ATTACH, { r: requested.id, u: sixPages });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PAGES',
      fields: [{ field: 'uploadId', message: 'a prepaid label has 1 to 4 pages; this PDF has 6' }],
    });
    const poster = await upload(seller, await pdfOf(1, [1700, 2400]));
    const big = await seller.graphql<any>(ATTACH, { r: requested.id, u: poster });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE' });

    const after = app.orm.em.fork();
    expect(await after.findOne(PrepaidReturnLabel, { returnRequest: requested.id })).toEqual(before);
    expect((await after.findOneOrFail(ReturnRequest, { id: requested.id })).labelKind).toBe(requested.labelKind);
    expect(await after.count(AuditLogEntry, { subjectId: requested.id })).toBe(audits);
  });

  it("cannot use another seller's upload or touch another seller's return", async () => {
    const mine = await upload(seller, await pdfOf(1));
    const theirs = await upload(otherSeller, await pdfOf(1));
    const withTheirs = await seller.graphql<any>(ATTACH, { r: requested.id, u: theirs });
    expect(withTheirs.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const onMine = await otherSeller.graphql<any>(ATTACH, { r: requested.id, u: theirs });
    expect(onMine.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await app.orm.em.fork().count(PrepaidReturnLabel, { upload: { $in: [mine, theirs] } })).toBe(0);
  });
});
