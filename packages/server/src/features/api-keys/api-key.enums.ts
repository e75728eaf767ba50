import { registerEnumType } from 'type-graphql';

/** What an API key may do. Values are the scope strings of SPEC section 8. */
export enum ApiScope {
  READ_APPLICATIONS = 'read:applications',
  READ_QUALITY = 'read:quality',
  READ_RETURNS = 'read:returns',
  WRITE_RETURNS = 'write:returns',
  PROVIDER_RETURNS = 'provider:returns',
  INGEST_MARKETPLACE_DATA = 'ingest:marketplace-data',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'A permission granted to an API key.',
  valuesConfig: {
    READ_APPLICATIONS: { description: "Read the seller's applications and their status (read:applications)." },
    READ_QUALITY: { description: "Read the seller's quality dashboard: RQS, ODR, rating (read:quality)." },
    READ_RETURNS: { description: "Read the seller's returns (read:returns)." },
    WRITE_RETURNS: { description: "Authorize, close and answer the seller's returns (write:returns)." },
    PROVIDER_RETURNS: {
      description: 'Returns provider: list, receive, grade and dispose of returns routed to it (provider:returns).',
    },
    INGEST_MARKETPLACE_DATA: {
      description:
        "The marketplace's own systems: send offers, orders, order defects, complaints and ratings (ingest:marketplace-data).",
    },
  },
});

export const SELLER_SCOPES: readonly ApiScope[] = [
  ApiScope.READ_APPLICATIONS,
  ApiScope.READ_QUALITY,
  ApiScope.READ_RETURNS,
  ApiScope.WRITE_RETURNS,
];
export const PROVIDER_SCOPES: readonly ApiScope[] = [ApiScope.PROVIDER_RETURNS];
/** Keys an admin creates for a MARKETPLACE organization: the marketplace's own systems. */
export const MARKETPLACE_SCOPES: readonly ApiScope[] = [ApiScope.INGEST_MARKETPLACE_DATA];
