import { IngestionKeysPage } from '../features/ingestion-keys/ingestion-keys-page';

/** Guarded in the router: admins. */
export function IngestionKeysRoute() {
  return <IngestionKeysPage />;
}
