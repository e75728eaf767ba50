import type { Role } from '../generated/graphql';

/** Roles as people read them; part of ui/labels.ts, kept apart so the shell need not load the domain. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  SELLER: 'Seller',
  REVIEWER: 'Reviewer',
  ADMIN: 'Admin',
};
