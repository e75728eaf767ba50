import type { Organization } from '../accounts/organization.entity.js';
import type { Application } from './application.entity.js';

/**
 * An application as a list reads it (db/rows.ts): plain columns instead of a managed entity,
 * relations as references, and the seller as a plain row when the list joins it. The GraphQL type
 * `Application` resolves from either; a row carries the columns its selected fields read.
 */
export type ApplicationRow = Pick<Application, 'id' | 'status' | 'marketplace' | 'dueDate' | 'submittedAt'> &
  Partial<Application> & { seller?: Partial<Organization> };

/** Columns every row carries: the queue's order, and what `due` reads. */
export const ROW_BASE_PROPS = [
  'id',
  'status',
  'marketplace',
  'dueDate',
  'submittedAt',
] as const satisfies ReadonlyArray<keyof Application>;

/** GraphQL fields of `Application` resolved from other columns (or none beyond the base ones). */
const FIELD_PROPS: Readonly<Record<string, ReadonlyArray<keyof Application>>> = {
  __typename: [],
  // A list joins the seller instead (review-queue.service.ts); the reference serves other callers.
  seller: ['organization'],
  due: [],
  claimedByName: ['claimedBy'],
  claimedByMe: ['claimedBy'],
  timeline: [],
  policyVersion: ['policyVersion'],
  rejectionReasons: ['rejectionReasons'],
};

/** GraphQL fields of `Application` that need the managed entity (collections, the eligibility service). */
const ENTITY_FIELDS = new Set(['eligibility', 'invoices', 'images']);

/**
 * The properties to load for the GraphQL fields a query selects on an application, or `null` when
 * a selected field needs the managed entity. Any other field is a column of the same name.
 */
export function applicationRowProps(fields: Iterable<string>): Array<keyof Application> | null {
  const props = new Set<keyof Application>(ROW_BASE_PROPS);
  for (const field of fields) {
    if (ENTITY_FIELDS.has(field)) return null;
    for (const prop of FIELD_PROPS[field] ?? [field as keyof Application]) props.add(prop);
  }
  return [...props];
}
