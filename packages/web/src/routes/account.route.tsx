import { AccountPage } from '../features/accounts/account/account-page';

/** Guarded in the router: every signed-in role has an account page. */
export function AccountRoute() {
  return <AccountPage />;
}
