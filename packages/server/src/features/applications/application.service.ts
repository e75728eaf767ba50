import { Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  assertCanApply,
  isIsoDate,
  parseMoney,
  validateInvoiceLine,
  type EligibilityReport,
  type MarketplaceCode,
} from '@recertify/domain';
import type { AppConfig } from '../../config.js';
import { badInput, conflict, forbidden, notFound, unauthenticated, type FieldProblem } from '../../errors/app-error.js';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { Role } from '../accounts/accounts.enums.js';
import { Organization } from '../accounts/organization.entity.js';
import { ApiScope } from '../api-keys/api-key.enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { beginStateChange, checkVersion } from '../shared/state-change.js';
import { Upload } from '../uploads/upload.entity.js';
import { judgeApplication, policyInForceAt, policyOfApplication } from './application-eligibility.js';
import { APPLICATION_POPULATE, applicationLifecycle, loadOwnApplication } from './application-lifecycle.js';
import {
  Application,
  ApplicationImage,
  EligibilitySnapshot,
  Invoice,
  InvoiceLine,
  MarketplaceApproval,
} from './application.entity.js';
import { ApplicationStatusEnum } from './applications.enums.js';
import type { ApplicationDraftInput } from './applications.types.js';
import { submitApplication } from './submit-application.js';

/** Sellers (and keys with read:applications) read their own organization's applications. */
export function readableOrganization(principal: Principal): string | null {
  if (principal.kind === 'user') {
    if (principal.role === Role.SELLER) return principal.organizationId;
    return null; // staff read every application
  }
  if (principal.kind === 'apiKey') {
    if (!principal.scopes.includes(ApiScope.READ_APPLICATIONS)) {
      throw forbidden('This needs an API key with the read:applications scope.');
    }
    return principal.organizationId;
  }
  throw unauthenticated('Sign in, or send an API key, to read applications.');
}

/** A seller's use cases: start, save a draft, submit or resubmit, withdraw; and reading. */
export class ApplicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly now: () => Date,
  ) {}

  async listMine(principal: Principal): Promise<Application[]> {
    const organizationId = readableOrganization(principal);
    if (!organizationId) throw forbidden('Staff find applications in the review queue.');
    return this.em.find(Application, { organization: organizationId }, { orderBy: { createdAt: 'desc' } });
  }

  async approvals(principal: Principal): Promise<MarketplaceApproval[]> {
    const organizationId = readableOrganization(principal);
    if (!organizationId) return [];
    const approvals = await this.em.find(MarketplaceApproval, { organization: organizationId });
    // Oldest first; a direct approval before the grants it brought along.
    return approvals.sort(
      (a, b) =>
        a.grantedAt.getTime() - b.grantedAt.getTime() ||
        Number(a.grantedThrough !== null) - Number(b.grantedThrough !== null),
    );
  }

  /** One application, if the caller may see it; otherwise NOT_FOUND (ids reveal nothing). */
  async get(principal: Principal, id: string): Promise<Application> {
    const organizationId = readableOrganization(principal);
    const application = await this.em.findOne(Application, { id }, { populate: APPLICATION_POPULATE });
    if (!application || (organizationId && application.organization.id !== organizationId)) {
      throw notFound('That application');
    }
    return application;
  }

  async start(principal: Principal, marketplace: MarketplaceCode): Promise<Application> {
    const me = requireUser(principal, Role.SELLER);
    const organizationId = me.organizationId!;
    const [applications, approvals] = await Promise.all([
      this.em.find(Application, { organization: organizationId }),
      this.em.find(MarketplaceApproval, { organization: organizationId }),
    ]);
    assertCanApply(marketplace, [
      ...applications.map((a) => ({ marketplace: a.marketplace, status: a.status })),
      ...approvals.map((a) => ({
        marketplace: a.marketplace,
        status: 'APPROVED' as const,
        grantedThrough: a.grantedThrough,
      })),
    ]);
    const organization = await this.em.findOneOrFail(Organization, { id: organizationId });
    const application = new Application({ organization: Reference.create(organization), marketplace });
    application.legalName = organization.name;
    application.contactName = me.user.displayName;
    application.contactEmail = me.user.email;
    recordAudit(this.em, {
      principal,
      action: 'STARTED',
      subjectType: 'Application',
      subjectId: application.id,
      at: this.now(),
    });
    await this.em.persistAndFlush(application);
    return application;
  }

  /**
   * Replaces the draft's content with `input`. Incomplete is fine; malformed is not: every bad
   * field is named and nothing is saved.
   */
  async saveDraft(
    principal: Principal,
    id: string,
    expectedVersion: number,
    input: ApplicationDraftInput,
  ): Promise<Application> {
    const me = requireUser(principal, Role.SELLER);
    const application = await loadOwnApplication(this.em, me.organizationId!, id);
    if (application.status !== ApplicationStatusEnum.DRAFT && application.status !== ApplicationStatusEnum.NEEDS_INFO) {
      throw conflict(
        `This application is ${application.status}; only a draft or one that needs information can be edited.`,
      );
    }
    checkVersion(applicationLifecycle, application, expectedVersion);
    const problems: FieldProblem[] = [];
    const invoices = await this.parseInvoices(input, me.organizationId!, problems);
    const images = await this.parseImages(input, me.organizationId!, problems);
    if (
      input.warrantyDays != null &&
      (!Number.isInteger(input.warrantyDays) || input.warrantyDays < 0 || input.warrantyDays > 3650)
    ) {
      problems.push({ field: 'warrantyDays', message: 'must be a whole number of days between 0 and 3650' });
    }
    if (problems.length) throw badInput(problems);
    // Read outside the transaction: SQLite has one connection, which the transaction holds.
    const qualityPolicyVersion = input.qualityPolicyAccepted
      ? (await policyOfApplication(this.em, application, this.now())).version
      : null;

    await this.em.transactional(async (em) => {
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
      app.updatedAt = new Date(Math.max(this.now().getTime(), app.updatedAt.getTime() + 1));
      recordAudit(em, {
        principal,
        action: 'DRAFT_SAVED',
        subjectType: 'Application',
        subjectId: app.id,
        at: this.now(),
      });
    });
    this.em.clear();
    return loadOwnApplication(this.em, me.organizationId!, id);
  }

  /** Submits a draft, or resubmits after NEEDS_INFO (a new review clock); refused when a hard criterion fails. */
  submit(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    return submitApplication({ em: this.em, config: this.config, now: this.now }, principal, id, expectedVersion);
  }

  async withdraw(principal: Principal, id: string, expectedVersion: number): Promise<Application> {
    const me = requireUser(principal, Role.SELLER);
    const application = await loadOwnApplication(this.em, me.organizationId!, id);
    const change = beginStateChange(this.em, applicationLifecycle, {
      record: application,
      expectedVersion,
      event: 'WITHDRAW',
    });
    await change.commit({ principal, at: this.now(), audit: { action: 'WITHDRAWN' } });
    return application;
  }

  /** Live for drafts (the policy in force now), as stored for submitted ones (the policy of submission). */
  async eligibility(application: Application): Promise<EligibilityReport> {
    if (application.status !== ApplicationStatusEnum.DRAFT && application.status !== ApplicationStatusEnum.NEEDS_INFO) {
      const snapshot = await this.em.findOne(
        EligibilitySnapshot,
        { application: application.id },
        { orderBy: { createdAt: 'desc' } },
      );
      if (snapshot) return snapshot.report as unknown as EligibilityReport;
    }
    // An editable application is judged as it would be if submitted now.
    const now = this.now();
    return judgeApplication(this.em, application, await policyInForceAt(this.em, application.marketplace, now), now);
  }

  private async parseInvoices(input: ApplicationDraftInput, organizationId: string, problems: FieldProblem[]) {
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
    const uploads = documentIds.length ? await this.em.find(Upload, { id: documentIds }) : [];
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

  private async parseImages(input: ApplicationDraftInput, organizationId: string, problems: FieldProblem[]) {
    const images = input.images ?? [];
    const uploads = images.length ? await this.em.find(Upload, { id: images.map((i) => i.uploadId) }) : [];
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
}
