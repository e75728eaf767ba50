import { OrganizationKind, Role } from '../features/accounts/accounts.enums.js';
import { MARKETPLACE_SYSTEMS } from './reference-data.js';

/** Every demo account signs in with this password (embedded mode only). */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoAccountSeed {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organization: { readonly name: string; readonly kind: OrganizationKind } | null;
  /** What the account shows; later features give each seller the matching data. */
  readonly description: string;
}

const seller = (key: string, name: string, person: string, description: string): DemoAccountSeed => ({
  email: `${key}@demo.recertify.test`,
  displayName: person,
  role: Role.SELLER,
  organization: { name, kind: OrganizationKind.SELLER },
  description,
});

export const DEMO_ACCOUNTS: readonly DemoAccountSeed[] = [
  seller('new-seller', 'Fresh Start Electronics', 'Nora New', 'Seller that has not applied yet'),
  seller('draft-seller', 'Draftwood Devices', 'Dan Draft', 'Seller with an application draft'),
  seller('submitted-seller', 'Queue & Co Refurb', 'Sam Submitted', 'Seller whose application waits for review'),
  seller('needs-info-seller', 'Patchwork Phones', 'Nia Info', 'Seller asked for more information'),
  seller('rejected-seller', 'Second Try Tech', 'Rex Rejected', 'Seller whose application was rejected'),
  seller('approved-seller', 'Evergreen Renewed', 'Ava Approved', 'Approved seller in US and CA, healthy quality'),
  seller('at-risk-seller', 'Tightrope Traders', 'Ari Risk', 'Approved seller at risk on quality'),
  {
    email: 'reviewer@demo.recertify.test',
    displayName: 'Rita Reviewer',
    role: Role.REVIEWER,
    organization: null,
    description: 'Program reviewer: works the application queue',
  },
  {
    email: 'admin@demo.recertify.test',
    displayName: 'Adam Admin',
    role: Role.ADMIN,
    organization: null,
    description: 'Admin: users, marketplaces, policies, provider keys',
  },
];

/** A returns provider organization; it acts through API keys an admin creates. */
export const DEMO_PROVIDER = { name: 'ReturnWorks Logistics', kind: OrganizationKind.PROVIDER } as const;

/**
 * The marketplace's own systems: an admin creates their ingestion keys (ingest:marketplace-data).
 * Reference data (production has it too); named here for the tests that use the demo.
 */
export const DEMO_MARKETPLACE_SYSTEMS = MARKETPLACE_SYSTEMS;
