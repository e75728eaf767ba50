import { graphqlEnum } from '../../graphql/enums.js';

export const ROLES = ['SELLER', 'REVIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const Role = graphqlEnum(ROLES, {
  name: 'Role',
  description: 'What a signed-in person does in the program.',
  valuesConfig: {
    SELLER: { description: 'Works for a seller organization: applies, follows quality and returns.' },
    REVIEWER: { description: 'Program staff: decides applications and watches seller health.' },
    ADMIN: { description: 'Manages users, marketplaces, policy versions, holidays and exchange rates.' },
  },
});

export const ORGANIZATION_KINDS = [
  'SELLER',
  'PROVIDER',
  /** The marketplace's own systems (order, complaint and rating feeds); acts only through API keys an admin creates. */
  'MARKETPLACE',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const OrganizationKind = graphqlEnum(ORGANIZATION_KINDS, {
  name: 'OrganizationKind',
  description:
    "A seller business, a returns provider that acts through API keys, or the marketplace's own systems (ingestion keys).",
});
