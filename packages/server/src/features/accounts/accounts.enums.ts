import { registerEnumType } from 'type-graphql';

export enum Role {
  SELLER = 'SELLER',
  REVIEWER = 'REVIEWER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in person does in the program.',
  valuesConfig: {
    SELLER: { description: 'Works for a seller organization: applies, follows quality and returns.' },
    REVIEWER: { description: 'Program staff: decides applications and watches seller health.' },
    ADMIN: { description: 'Manages users, marketplaces, policy versions, holidays and exchange rates.' },
  },
});

export enum OrganizationKind {
  SELLER = 'SELLER',
  PROVIDER = 'PROVIDER',
  /** The marketplace's own systems (order, complaint and rating feeds); acts only through API keys an admin creates. */
  MARKETPLACE = 'MARKETPLACE',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description:
    "A seller business, a returns provider that acts through API keys, or the marketplace's own systems (ingestion keys).",
});
