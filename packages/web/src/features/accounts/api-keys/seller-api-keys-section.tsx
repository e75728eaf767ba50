import type { SignedInViewer } from '../viewer/viewer-state';
import { ApiKeysPanel } from './api-keys-panel';
import { scopesGrantedTo } from './api-scopes';

const SELLER_SCOPES = scopesGrantedTo('SELLER');

/** A seller's keys for the tools it connects (ERP, analytics), with the scopes it grants them. */
export function SellerApiKeysSection({ viewer }: { viewer: SignedInViewer }) {
  return (
    <section className="card account-section" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">
        Connect a tool to {viewer.organization?.name ?? 'your organization'} through the GraphQL API. A key can do only
        what its scopes allow; revoke it when the tool no longer needs it.
      </p>
      <ApiKeysPanel ownerName={viewer.organization?.name ?? 'your organization'} scopeOptions={SELLER_SCOPES} />
    </section>
  );
}
