import { ReturnWindowsPage } from '../features/return-windows/return-windows-page';

/** Guarded in the router: admins. */
export function ReturnWindowsRoute() {
  return <ReturnWindowsPage />;
}
