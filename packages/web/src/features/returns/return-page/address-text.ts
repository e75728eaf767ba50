import type { ReturnAddressFields } from './return-detail-types';

/** "Returns desk, 1 Main St, Suite 4, Austin TX 78701, US": one line, as a select option or a sentence. */
export function formatAddress(
  address: Pick<ReturnAddressFields, 'name' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'>,
): string {
  return [
    address.name,
    address.line1,
    address.line2,
    `${address.city} ${address.region} ${address.postalCode}`,
    address.country,
  ]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(', ');
}
