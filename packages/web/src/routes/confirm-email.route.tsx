import { ConfirmEmailPage } from '../features/accounts/sign-up/confirm-email-page';

export function ConfirmEmailRoute() {
  return <ConfirmEmailPage />;
}
