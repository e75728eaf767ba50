import { ResetPasswordPage } from '../features/accounts/password-reset/reset-password-page';

export function ResetPasswordRoute() {
  return <ResetPasswordPage />;
}
