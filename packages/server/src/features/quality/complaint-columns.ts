import type { ComplaintCategory, ComplaintSource } from '@recertify/domain';

/**
 * The rollup column of a complaint source or category: EMAIL -> complaints_email (the tally of
 * quality-rollup.entity.ts). Apart from the entity so that the SQL writers of the rollups (the
 * import command) do not load MikroORM's decorators to name a column.
 */
export function complaintColumn(value: ComplaintSource | ComplaintCategory): string {
  return `complaints_${value.toLowerCase()}`;
}
