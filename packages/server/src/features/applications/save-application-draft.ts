import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { isIsoDate, parseMoney, validateInvoiceLine } from '@recertify/domain';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { badInput, conflict, type FieldProblem } from '../../errors/app-error.js';
import type { ServiceDependencies } from '../../services.js';
import { Role } from '../accounts/accounts.enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkVersion } from '../shared/state-change.js';
import { Upload } from '../uploads/upload.entity.js';
import { policyOfApplication } from './application-eligibility.js';
import { APPLICATION_POPULATE, applicationLifecycle, loadOwnApplication } from './application-lifecycle.js';
import { Application, ApplicationImage, Invoice, InvoiceLine } from './application.entity.js';
import { ApplicationStatusEnum } from './applications.enums.js';
import type { ApplicationDraftInput } from './applications.types.js';

/**
 * A seller saves a draft (or an application that needs information): load, validate (incomplete
 * is fine; malformed is not: every bad field is named and nothing is saved), then replace the
 * draft's content with `input` in one transaction.
 */
export async function saveApplicationDraft(
  { em: rootEm, now }: ServiceDependencies,
  principal: Principal,
  id: string,
  expectedVersion: number,
  input: ApplicationDraftInput,
): Promise<Application> {
  const me = requireUser(principal, Role.SELLER);
  const application = await loadOwnApplication(rootEm, me.organizationId!, id);
  if (application.status !== ApplicationStatusEnum.DRAFT && application.status !== ApplicationStatusEnum.NEEDS_INFO) {
    throw conflict(
      `This application is ${application.status}; only a draft or one that needs information can be edited.`,
    );
  }
  checkVersion(applicationLifecycle, application, expectedVersion);
  const problems: FieldProblem[] = [];
  const invoices = await parseInvoices(rootEm, input, me.organizationId!, problems);
  const images = await parseImages(rootEm, input, me.organizationId!, problems);
  if (
    input.warrantyDays != null &&
    (!Number.isInteger(input.warrantyDays) || input.warrantyDays < 0 || input.warrantyDays > 3650)
  ) {
    problems.push({ field: 'warrantyDays', message: 'must be a whole number of days between 0 and 3650' });
  }
  if (problems.length) throw badInput(problems);
  // Read outside the transaction: SQLite has one connection, which the transaction holds.
  const qualityPolicyVersion = input.qualityPolicyAccepted
    ? (await policyOfApplication(rootEm, application, now())).version
    : null;

  await rootEm.transactional(async (em) => {
    const app = await em.findOneOrFail(Application, { id }, { populate: APPLICATION_POPULATE });
    const scalar = { ...input } as Partial<ApplicationDraftInput>;
    delete scalar.invoices;
    delete scalar.images;
    for (const [key, value] of Object.entries(scalar)) {
      if (value === undefined) continue;
      (app as unknown as Record<string, unknown>)[key] =
        typeof value === 'string'
          ? value.trim()
          : Array.isArray(value)
            ? (value as string[]).map((v) => v.trim()).filter(Boolean)
            : value;
    }
    if (qualityPolicyVersion !== null) app.qualityPolicyVersion = qualityPolicyVersion;
    if (input.invoices) {
      for (const invoice of app.invoices.getItems()) {
        for (const line of invoice.lines.getItems()) em.remove(line);
        em.remove(invoice);
      }
      for (const parsed of invoices) {
        const invoice = new Invoice({ application: Reference.create(app), ...parsed.invoice });
        em.persist(invoice);
        parsed.lines.forEach((line, position) =>
          em.persist(new InvoiceLine({ invoice: Reference.create(invoice), position, ...line })),
        );
      }
    }
    if (input.images) {
      for (const image of app.images.getItems()) em.remove(image);
      for (const image of images) em.persist(new ApplicationImage({ application: Reference.create(app), ...image }));
    }
    // A save always counts as a change, so a reviewer or another tab holding the old version hears of it.
    app.updatedAt = new Date(Math.max(now().getTime(), app.updatedAt.getTime() + 1));
    recordAudit(em, {
      principal,
      action: 'DRAFT_SAVED',
      subjectType: 'Application',
      subjectId: app.id,
      at: now(),
    });
  });
  rootEm.clear();
  return loadOwnApplication(rootEm, me.organizationId!, id);
}

async function parseInvoices(
  em: EntityManager,
  input: ApplicationDraftInput,
  organizationId: string,
  problems: FieldProblem[],
) {
  const parsed: Array<{
    invoice: {
      supplier: string;
      invoiceNumber: string;
      date: string;
      currency: 'USD' | 'CAD' | 'MXN';
      document: ReturnType<typeof Reference.create<Upload>> | null;
    };
    lines: Array<{
      description: string;
      brand: string;
      unitPriceMinor: number | null;
      quantity: number | null;
      amountMinor: number | null;
    }>;
  }> = [];
  const documentIds = (input.invoices ?? []).map((i) => i.documentUploadId).filter((x): x is string => !!x);
  const uploads = documentIds.length ? await em.find(Upload, { id: documentIds }) : [];
  (input.invoices ?? []).forEach((invoice, i) => {
    const at = `invoices[${i}]`;
    if (invoice.date !== '' && !isIsoDate(invoice.date))
      problems.push({ field: `${at}.date`, message: 'must be a date written YYYY-MM-DD' });
    if (invoice.supplier.trim().length > 200)
      problems.push({ field: `${at}.supplier`, message: 'must be at most 200 characters' });
    if (invoice.invoiceNumber.trim().length > 100)
      problems.push({ field: `${at}.invoiceNumber`, message: 'must be at most 100 characters' });
    let document: ReturnType<typeof Reference.create<Upload>> | null = null;
    if (invoice.documentUploadId) {
      const upload = uploads.find((u) => u.id === invoice.documentUploadId);
      if (!upload || upload.organization.id !== organizationId) {
        problems.push({ field: `${at}.documentUploadId`, message: 'is not a file you uploaded' });
      } else if (upload.kind !== 'DOCUMENT') {
        problems.push({ field: `${at}.documentUploadId`, message: 'must be uploaded as a DOCUMENT' });
      } else {
        document = Reference.create(upload);
      }
    }
    const lines = invoice.lines.map((line, j) => {
      const field = `${at}.lines[${j}]`;
      const money = (value: string | null | undefined, name: string): number | null => {
        if (value == null || value.trim() === '') return null;
        try {
          return parseMoney(value, invoice.currency).amountMinor;
        } catch (error) {
          problems.push({
            field: `${field}.${name}`,
            message: error instanceof Error ? error.message : 'is not an amount',
          });
          return null;
        }
      };
      const parsedLine = {
        description: line.description.trim(),
        brand: line.brand.trim(),
        unitPriceMinor: money(line.unitPrice, 'unitPrice'),
        quantity: line.quantity ?? null,
        amountMinor: money(line.amount, 'amount'),
      };
      // A draft may lack figures (they count against eligibility); it may not hold impossible ones.
      for (const problem of validateInvoiceLine({ id: field, ...parsedLine }).filter((p) => p.kind === 'INVALID')) {
        problems.push({ field: `${field}.${problem.field}`, message: problem.message });
      }
      return parsedLine;
    });
    parsed.push({
      invoice: {
        supplier: invoice.supplier.trim(),
        invoiceNumber: invoice.invoiceNumber.trim(),
        date: invoice.date,
        currency: invoice.currency,
        document,
      },
      lines,
    });
  });
  return parsed;
}

async function parseImages(
  em: EntityManager,
  input: ApplicationDraftInput,
  organizationId: string,
  problems: FieldProblem[],
) {
  const images = input.images ?? [];
  const uploads = images.length ? await em.find(Upload, { id: images.map((i) => i.uploadId) }) : [];
  const result: Array<{ upload: ReturnType<typeof Reference.create<Upload>>; view: ApplicationImage['view'] }> = [];
  images.forEach((image, i) => {
    const upload = uploads.find((u) => u.id === image.uploadId);
    if (!upload || upload.organization.id !== organizationId) {
      problems.push({ field: `images[${i}].uploadId`, message: 'is not a file you uploaded' });
    } else if (upload.kind !== 'IMAGE') {
      problems.push({ field: `images[${i}].uploadId`, message: 'must be uploaded as an IMAGE' });
    } else {
      result.push({ upload: Reference.create(upload), view: image.view });
    }
  });
  return result;
}
