import { randomUUID } from 'node:crypto';
import { Reference } from '@mikro-orm/core';
import { IMAGE_VIEWS } from '@recertify/domain';
import { Organization } from '../../src/features/accounts/organization.entity.js';
import { User } from '../../src/features/accounts/user.entity.js';
import { Upload, type UploadKind } from '../../src/features/uploads/upload.entity.js';
import type { TestApp, TestClient } from './test-app.js';

/** Upload rows for a seller, made directly (the upload endpoint has its own tests). */
export async function uploadsFor(app: TestApp, email: string, kind: UploadKind, count: number): Promise<string[]> {
  const em = app.orm.em.fork();
  const user = await em.findOneOrFail(User, { email });
  const organization = await em.findOneOrFail(Organization, { id: user.organization!.id });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const upload = new Upload({
      organization: Reference.create(organization),
      uploadedBy: Reference.create(user),
      kind,
      contentType: kind === 'DOCUMENT' ? 'application/pdf' : 'image/png',
      size: 1234,
      width: kind === 'IMAGE' ? 800 : null,
      height: kind === 'IMAGE' ? 800 : null,
      originalName: kind === 'DOCUMENT' ? `invoice-${i}.pdf` : `unit-${i}.png`,
      sha256: '0'.repeat(64),
      storageKey: `test/${randomUUID()}`,
    });
    em.persist(upload);
    ids.push(upload.id);
  }
  await em.flush();
  return ids;
}

export const START =
  'mutation($m: MarketplaceCode!) { startApplication(input: { marketplace: $m }) { id version status } }';
export const SAVE = `mutation($id: ID!, $v: Int!, $input: ApplicationDraftInput!) {
  saveApplicationDraft(id: $id, version: $v, input: $input) { id version status }
}`;
export const SUBMIT =
  'mutation($id: ID!, $v: Int!) { submitApplication(id: $id, version: $v) { id version status dueDate submittedAt } }';
export const DECIDE =
  'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id version status appleApproved } }';
export const CLAIM = 'mutation($id: ID!, $v: Int!) { claimApplication(id: $id, version: $v) { id version status } }';

/** A draft that meets every hard criterion in the US on `invoiceDate`: exactly 50,000.00 USD of qualifying purchases. */
export async function completeDraftInput(
  app: TestApp,
  email: string,
  invoiceDate: string,
  options: { images?: number } = {},
) {
  const [document] = await uploadsFor(app, email, 'DOCUMENT', 1);
  const imageCount = options.images ?? 8;
  const imageIds = await uploadsFor(app, email, 'IMAGE', imageCount);
  const views = IMAGE_VIEWS.filter((v) => v !== 'SCREEN_ON');
  return {
    legalName: 'Test Renewals LLC',
    contactName: 'Tess Tester',
    contactEmail: email,
    sellerType: 'PROFESSIONAL',
    existingSeller: false,
    refurbisher: 'THIRD_PARTY_REFURBISHER',
    refurbisherName: 'FixIt Labs',
    inspectionAttested: true,
    categories: ['Laptops'],
    brands: ['Lenovo'],
    appleRequested: false,
    productsHaveScreen: false,
    guaranteeAccepted: true,
    qualityPolicyAccepted: true,
    invoices: [
      {
        supplier: 'Wholesale Co',
        invoiceNumber: 'INV-1',
        date: invoiceDate,
        currency: 'USD',
        documentUploadId: document,
        lines: [
          {
            description: 'ThinkPad T14 (refurbished)',
            brand: 'Lenovo',
            unitPrice: '500.00',
            quantity: 100,
            amount: '50000.00',
          },
          { description: 'Cables', brand: 'Generic', unitPrice: '15.00', quantity: 10, amount: '150.00' },
        ],
      },
    ],
    images: imageIds.map((uploadId, i) => ({ uploadId, view: views[i % views.length] })),
  };
}

/** Starts, fills and submits a US application; returns its id and version. */
export async function submittedApplication(
  app: TestApp,
  seller: TestClient,
  email: string,
  invoiceDate: string,
  marketplace = 'US',
) {
  const started = await seller.graphql<any>(START, { m: marketplace });
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  const { id } = started.data.startApplication;
  const input = await completeDraftInput(app, email, invoiceDate);
  if (marketplace === 'CA') Object.assign(input, { guaranteeAccepted: false, warrantyDays: 90 });
  const saved = await seller.graphql<any>(SAVE, { id, v: started.data.startApplication.version, input });
  if (saved.errors) throw new Error(JSON.stringify(saved.errors));
  const submitted = await seller.graphql<any>(SUBMIT, { id, v: saved.data.saveApplicationDraft.version });
  if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
  return submitted.data.submitApplication as { id: string; version: number; status: string; dueDate: string };
}
