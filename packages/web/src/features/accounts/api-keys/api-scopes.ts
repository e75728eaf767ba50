import type { ApiScope } from '../../../generated/graphql';
import { API_SCOPE_LABELS } from '../../../ui/labels';

interface ScopeInfo {
  /** The scope as SPEC section 8 and API users write it, e.g. "read:applications". */
  readonly label: string;
  readonly description: string;
  /** Who may grant it: a seller for its own tools, an admin for a returns provider or the marketplace's systems. */
  readonly grantedTo: 'SELLER' | 'PROVIDER' | 'MARKETPLACE';
}

/** Every scope the API knows; typed by the generated enum, so a new scope fails the build until described here. */
export const API_SCOPES: Readonly<Record<ApiScope, ScopeInfo>> = {
  READ_APPLICATIONS: {
    label: 'read:applications',
    description: 'Read your applications and their status.',
    grantedTo: 'SELLER',
  },
  READ_QUALITY: {
    label: 'read:quality',
    description: 'Read your quality dashboard: Renewed Quality Score (RQS), order defect rate (ODR), rating.',
    grantedTo: 'SELLER',
  },
  READ_RETURNS: { label: 'read:returns', description: 'Read your returns.', grantedTo: 'SELLER' },
  WRITE_RETURNS: {
    label: 'write:returns',
    description: 'Authorize, close and answer your returns.',
    grantedTo: 'SELLER',
  },
  PROVIDER_RETURNS: {
    label: 'provider:returns',
    description: 'List, receive, grade and dispose of the returns routed to this provider.',
    grantedTo: 'PROVIDER',
  },
  INGEST_MARKETPLACE_DATA: {
    label: 'ingest:marketplace-data',
    description: "Send offers, orders, order defects, complaints and ratings from the marketplace's own systems.",
    grantedTo: 'MARKETPLACE',
  },
};

/** The scopes one kind of organization can be granted, in the order the table lists them. */
export function scopesGrantedTo(grantee: ScopeInfo['grantedTo']): ApiScope[] {
  return (Object.keys(API_SCOPES) as ApiScope[]).filter((scope) => API_SCOPES[scope].grantedTo === grantee);
}

export function scopeLabel(scope: ApiScope): string {
  return API_SCOPE_LABELS[scope];
}

/**
 * How a key is recognised without its secret: the public prefix in the shape of the key itself,
 * `rcf_<prefix>_…`, so it can be matched against the start of a key stored elsewhere.
 */
export function maskedKey(prefix: string): string {
  return `rcf_${prefix}_…`;
}
