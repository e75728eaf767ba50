import { SignInPage } from '../features/accounts/sign-in/sign-in-page';

export function SignInRoute() {
  return <SignInPage />;
}
