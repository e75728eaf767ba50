import { SignUpPage } from '../features/accounts/sign-up/sign-up-page';

export function SignUpRoute() {
  return <SignUpPage />;
}
