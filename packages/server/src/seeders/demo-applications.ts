import { createHash } from 'node:crypto';
import path from 'node:path';
import { Reference, type EntityManager } from '@mikro-orm/core';
import {
  IMAGE_VIEWS,
  approvalGrants,
  evaluateEligibility,
  policyInForce,
  reviewDueDate,
  type MarketplaceCode,
} from '@recertify/domain';
import { loadConfig } from '../config.js';
import { Organization } from '../features/accounts/organization.entity.js';
import { User } from '../features/accounts/user.entity.js';
import {
  Application,
  ApplicationImage,
  EligibilitySnapshot,
  Invoice,
  InvoiceLine,
  MarketplaceApproval,
} from '../features/applications/application.entity.js';
import { toApplicationInput } from '../features/applications/application.mapper.js';
import { ApplicationStatusEnum, RefurbisherEnum, SellerTypeEnum } from '../features/applications/applications.enums.js';
import { AuditLogEntry } from '../features/audit/audit-log-entry.entity.js';
import { loadBusinessCalendar } from '../features/marketplaces/business-calendar.js';
import { ExchangeRate } from '../features/marketplaces/exchange-rate.entity.js';
import { PolicyVersion } from '../features/marketplaces/policy-version.entity.js';
import { LocalFolderStorage, newStorageKey } from '../features/uploads/storage.js';
import { Upload } from '../features/uploads/upload.entity.js';
import { pdfDocument, pngImage } from '../lib/sample-files.js';
import type { EntityManager as SqlEntityManager } from '../db/orm.js';

const DAY = 86_400_000;

interface Plan {
  email: string;
  marketplace: MarketplaceCode;
  status: ApplicationStatusEnum;
  /** Days before now that it was submitted. */
  submittedDaysAgo?: number;
  complete: boolean;
  appleRequested?: boolean;
  reviewerMessage?: string;
  rejectionReasons?: Array<{ criterion: string; reason: string }>;
}

const PLANS: Plan[] = [
  {
    email: 'draft-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.DRAFT,
    complete: false,
  },
  {
    email: 'submitted-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.SUBMITTED,
    submittedDaysAgo: 16,
    complete: true,
  },
  {
    email: 'submitted-seller@demo.recertify.test',
    marketplace: 'MX',
    status: ApplicationStatusEnum.SUBMITTED,
    submittedDaysAgo: 3,
    complete: true,
    appleRequested: true,
  },
  {
    email: 'needs-info-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.NEEDS_INFO,
    submittedDaysAgo: 9,
    complete: true,
    reviewerMessage: 'The invoice from Wholesale Co is hard to read. Please upload a clearer scan of page 1.',
  },
  {
    email: 'rejected-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.REJECTED,
    submittedDaysAgo: 30,
    complete: true,
    rejectionReasons: [{ criterion: 'IMAGES', reason: 'The photos show a different model than the invoices.' }],
  },
  {
    email: 'approved-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.APPROVED,
    submittedDaysAgo: 60,
    complete: true,
  },
  {
    email: 'at-risk-seller@demo.recertify.test',
    marketplace: 'US',
    status: ApplicationStatusEnum.APPROVED,
    submittedDaysAgo: 120,
    complete: true,
  },
];

/**
 * Applications for the demo sellers, one in each state, with real files on disk, eligibility
 * snapshots and audit entries, as if they had gone through the service. Skips sellers that have any.
 */
export async function seedDemoApplications(em: EntityManager, now = new Date()): Promise<void> {
  const storage = new LocalFolderStorage(path.join(loadConfig().dataDir, 'uploads'));
  const rates = await em.find(ExchangeRate, {});
  const policies = (await em.find(PolicyVersion, {}, { populate: ['marketplace'] })).map((p) => ({
    entity: p,
    domain: p.toDomain(),
  }));
  const reviewer = await em.findOne(User, { email: 'reviewer@demo.recertify.test' });

  for (const plan of PLANS) {
    const user = await em.findOne(User, { email: plan.email });
    if (!user?.organization) continue;
    if (await em.count(Application, { organization: user.organization.id, marketplace: plan.marketplace })) continue;
    const organization = await em.findOneOrFail(Organization, { id: user.organization.id });
    const submittedAt =
      plan.submittedDaysAgo === undefined ? null : new Date(now.getTime() - plan.submittedDaysAgo * DAY);
    const evaluatedAt = submittedAt ?? now;

    const upload = async (kind: 'DOCUMENT' | 'IMAGE', name: string, bytes: Buffer, size: number | null) => {
      const storageKey = newStorageKey(now);
      await storage.put(storageKey, bytes);
      const entity = new Upload({
        organization: Reference.create(organization),
        uploadedBy: Reference.create(user),
        kind,
        contentType: kind === 'DOCUMENT' ? 'application/pdf' : 'image/png',
        size: bytes.length,
        width: size,
        height: size,
        originalName: name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
      });
      em.persist(entity);
      return entity;
    };

    const application = new Application({
      organization: Reference.create(organization),
      marketplace: plan.marketplace,
    });
    Object.assign(application, {
      legalName: organization.name,
      contactName: user.displayName,
      contactEmail: user.email,
      sellerType: SellerTypeEnum.PROFESSIONAL,
      refurbisher: RefurbisherEnum.THIRD_PARTY_REFURBISHER,
      refurbisherName: 'FixIt Labs',
      inspectionAttested: plan.complete,
      categories: ['Laptops', 'Phones'],
      brands: plan.appleRequested ? ['Lenovo', 'Apple'] : ['Lenovo', 'Samsung'],
      appleRequested: plan.appleRequested ?? false,
      productsHaveScreen: false,
      guaranteeAccepted: plan.complete && plan.marketplace !== 'CA',
      warrantyDays: plan.marketplace === 'CA' ? 90 : null,
      qualityPolicyAccepted: plan.complete,
      qualityPolicyVersion: plan.complete ? 1 : null,
    });
    em.persist(application);

    const invoiceDate = new Date(evaluatedAt.getTime() - 20 * DAY).toISOString().slice(0, 10);
    const document = await upload(
      'DOCUMENT',
      'invoice-wholesale-co.pdf',
      pdfDocument(`Invoice WC-1001 ${organization.name}`),
      null,
    );
    const invoice = new Invoice({
      application: Reference.create(application),
      supplier: 'Wholesale Co',
      invoiceNumber: 'WC-1001',
      date: invoiceDate,
      currency: 'USD',
      document: plan.complete ? Reference.create(document) : null,
    });
    em.persist(invoice);
    const lines = [
      {
        description: 'ThinkPad T14 Gen 2, refurbished',
        brand: 'Lenovo',
        unitPriceMinor: 42_000,
        quantity: 100,
        amountMinor: 4_200_000,
      },
      {
        description: 'Galaxy S21, refurbished',
        brand: 'Samsung',
        unitPriceMinor: 21_000,
        quantity: 50,
        amountMinor: null,
      },
      { description: 'USB-C cables', brand: 'Generic', unitPriceMinor: 1_500, quantity: 200, amountMinor: 300_000 },
      ...(plan.appleRequested
        ? [
            {
              description: 'iPhone 13, refurbished',
              brand: 'Apple',
              unitPriceMinor: 38_000,
              quantity: 20,
              amountMinor: 760_000,
            },
          ]
        : []),
    ];
    lines.forEach((line, position) =>
      em.persist(new InvoiceLine({ invoice: Reference.create(invoice), position, ...line })),
    );

    const views = IMAGE_VIEWS.filter((view) => view !== 'SCREEN_ON').slice(0, plan.complete ? 8 : 3);
    for (const [i, view] of views.entries()) {
      const image = await upload(
        'IMAGE',
        `${view.toLowerCase()}.png`,
        pngImage(600, 600, [40 + i * 25, 110, 180 - i * 15]),
        600,
      );
      em.persist(
        new ApplicationImage({ application: Reference.create(application), upload: Reference.create(image), view }),
      );
    }

    if (submittedAt) {
      const policy = policyInForce(
        policies.map((p) => p.domain),
        plan.marketplace,
        submittedAt,
      );
      const policyEntity = policies.find(
        (p) => p.domain.marketplace === plan.marketplace && p.domain.version === policy.version,
      )!.entity;
      await em.flush();
      await em.populate(application, ['invoices.lines', 'images']);
      const report = evaluateEligibility({
        application: toApplicationInput(application),
        policy,
        exchangeRates: rates,
        orders: { orders: 0, defectiveOrders: 0 },
        now: submittedAt,
      });
      const calendar = await loadBusinessCalendar(em as unknown as SqlEntityManager, plan.marketplace);
      Object.assign(application, {
        status: plan.status,
        submittedAt,
        firstSubmittedAt: submittedAt,
        dueDate: reviewDueDate(submittedAt, policy.reviewDueBusinessDays, calendar),
        policyVersion: Reference.create(policyEntity),
        failingChecks: report.criteria.filter((c) => c.status === 'FAIL').length,
        checksNeedingReview: report.criteria.filter((c) => c.status === 'NEEDS_REVIEW').length,
        reviewerMessage: plan.reviewerMessage ?? null,
        rejectionReasons: plan.rejectionReasons ?? null,
      });
      em.persist(
        new EligibilitySnapshot({
          application: Reference.create(application),
          trigger: 'SUBMIT',
          policyVersionNumber: policy.version,
          eligible: report.eligible,
          report: report as unknown as Record<string, unknown>,
          at: submittedAt,
        }),
      );
      const audit = (action: string, at: Date, actor: User | null, data?: Record<string, unknown>) =>
        em.persist(
          new AuditLogEntry({
            at,
            actorId: actor?.id ?? null,
            actorKind: actor ? 'USER' : 'SYSTEM',
            actorName: actor ? `${actor.displayName} (${actor.role})` : null,
            action,
            subjectType: 'Application',
            subjectId: application.id,
            data: data ?? null,
          }),
        );
      audit('STARTED', new Date(submittedAt.getTime() - 2 * DAY), user);
      audit('SUBMITTED', submittedAt, user, { dueDate: application.dueDate, policyVersion: policy.version });
      const decided =
        plan.status !== ApplicationStatusEnum.SUBMITTED && plan.status !== ApplicationStatusEnum.IN_REVIEW;
      if (decided && reviewer) {
        const decidedAt = new Date(submittedAt.getTime() + 5 * DAY);
        application.decidedAt = decidedAt;
        application.decidedBy = Reference.create(reviewer);
        audit('CLAIMED', new Date(decidedAt.getTime() - DAY), reviewer);
        audit(plan.status, decidedAt, reviewer, {
          ...(plan.reviewerMessage ? { message: plan.reviewerMessage } : {}),
          ...(plan.rejectionReasons ? { reasons: plan.rejectionReasons } : {}),
        });
        if (plan.status === ApplicationStatusEnum.APPROVED) {
          for (const [marketplace, through] of [
            [plan.marketplace, null],
            ...approvalGrants(plan.marketplace).map((m) => [m, plan.marketplace] as const),
          ] as const) {
            em.persist(
              new MarketplaceApproval({
                organization: Reference.create(organization),
                marketplace,
                grantedThrough: through,
                application: Reference.create(application),
                appleApproved: false,
                grantedAt: decidedAt,
              }),
            );
          }
        }
      }
    } else {
      em.persist(
        new AuditLogEntry({
          at: now,
          actorId: user.id,
          actorKind: 'USER',
          actorName: `${user.displayName} (SELLER)`,
          action: 'STARTED',
          subjectType: 'Application',
          subjectId: application.id,
        }),
      );
    }
    await em.flush();
  }
}
