import { ApplicationFormPage } from '../features/applications/application-form/application-form-page';

/** Guarded in the router: sellers only. */
export function ApplicationEditRoute() {
  return <ApplicationFormPage />;
}
