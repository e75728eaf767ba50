import { ForgotPasswordPage } from '../features/accounts/password-reset/forgot-password-page';

export function ForgotPasswordRoute() {
  return <ForgotPasswordPage />;
}
