import { ApplicationsPage } from '../features/applications/applications-list/applications-page';

/** Guarded in the router: sellers only. */
export function ApplicationsRoute() {
  return <ApplicationsPage />;
}
