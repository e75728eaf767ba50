import { ReturnSettingsPage } from '../features/returns/settings/return-settings-page';

/** Guarded in the router: sellers. */
export function ReturnsSettingsRoute() {
  return <ReturnSettingsPage />;
}
