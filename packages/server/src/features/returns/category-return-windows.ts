import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { categoryReturnWindowProblem, RETURN_TEXT_LIMITS, type MarketplaceCode } from '@recertify/domain';
import { requireUser } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { InputCheck, notFound } from '../../errors/app-error.js';
import { Role } from '../accounts/accounts.enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { CategoryReturnWindow } from './category-return-window.entity.js';

/*
 * The admin-managed return windows per category (SPEC 6: "30 days unless the category says
 * otherwise"). Requests judge an item by its category's window when it has one (judgeReturnPolicy);
 * a window set or removed applies to requests that arrive from then on, never to judged ones.
 */

/** The categories with their own window in a marketplace, by name. */
export function categoryReturnWindowsOf(
  em: EntityManager,
  principal: Principal,
  marketplace: MarketplaceCode,
): Promise<CategoryReturnWindow[]> {
  requireUser(principal, Role.ADMIN);
  return em.find(CategoryReturnWindow, { marketplace }, { orderBy: { categoryName: 'asc' } });
}

export interface CategoryReturnWindowInput {
  readonly marketplace: MarketplaceCode;
  readonly categoryName: string;
  readonly days: number;
}

/** Gives a category its own window in a marketplace, or changes it; every field at fault is named. */
export async function setCategoryReturnWindow(
  em: EntityManager,
  principal: Principal,
  input: CategoryReturnWindowInput,
  now: Date,
): Promise<CategoryReturnWindow> {
  requireUser(principal, Role.ADMIN);
  const categoryName = input.categoryName.trim();
  const check = new InputCheck();
  check.require(categoryName.length > 0, 'categoryName', 'is required: the category as order items name it');
  check.require(
    categoryName.length <= RETURN_TEXT_LIMITS.category,
    'categoryName',
    `must be at most ${RETURN_TEXT_LIMITS.category} characters`,
  );
  const problem = categoryReturnWindowProblem(input.days);
  check.require(problem === null, 'days', problem ?? '');
  check.throwIfAny();

  for (let attempt = 0; ; attempt++) {
    const existing = await em.findOne(CategoryReturnWindow, { marketplace: input.marketplace, categoryName });
    const window =
      existing ?? new CategoryReturnWindow({ marketplace: input.marketplace, categoryName, days: input.days });
    const before = existing?.days;
    window.days = input.days;
    em.persist(window);
    recordAudit(em, {
      principal,
      action: 'CATEGORY_RETURN_WINDOW_SET',
      subjectType: 'CategoryReturnWindow',
      subjectId: window.id,
      data: { marketplace: input.marketplace, categoryName, days: input.days, before: before ?? null },
      at: now,
    });
    try {
      await em.flush();
      return window;
    } catch (error) {
      // Two admins creating the same category's window at once: the loser updates the winner's row.
      if (!(error instanceof UniqueConstraintViolationException) || attempt > 0) throw error;
      em.clear();
    }
  }
}

/** The category goes back to the policy version's default window in that marketplace. */
export async function removeCategoryReturnWindow(
  em: EntityManager,
  principal: Principal,
  input: { readonly marketplace: MarketplaceCode; readonly categoryName: string },
  now: Date,
): Promise<CategoryReturnWindow> {
  requireUser(principal, Role.ADMIN);
  const categoryName = input.categoryName.trim();
  const window = await em.findOne(CategoryReturnWindow, { marketplace: input.marketplace, categoryName });
  if (!window) throw notFound(`A return window of its own for ${categoryName || 'that category'}`);
  em.remove(window);
  recordAudit(em, {
    principal,
    action: 'CATEGORY_RETURN_WINDOW_REMOVED',
    subjectType: 'CategoryReturnWindow',
    subjectId: window.id,
    data: { marketplace: input.marketplace, categoryName, days: window.days },
    at: now,
  });
  await em.flush();
  return window;
}
