import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRole } from '../features/accounts/viewer/require-role';
import { ViewerProvider } from '../features/accounts/viewer/viewer-context';
import { ALL_ROLES } from '../features/accounts/viewer/viewer-state';
import { REVIEW_ROLES } from '../features/review/review-paths';
import { AccountRoute } from '../routes/account.route';
import { ApplicationEditRoute } from '../routes/application-edit.route';
import { ApplicationRoute } from '../routes/application.route';
import { ApplicationsRoute } from '../routes/applications.route';
import { ForgotPasswordRoute } from '../routes/forgot-password.route';
import { NotFoundRoute } from '../routes/not-found.route';
import { ProgramRulesRoute } from '../routes/program-rules.route';
import { ResetPasswordRoute } from '../routes/reset-password.route';
import { ReviewApplicationRoute } from '../routes/review-application.route';
import { ReviewQueueRoute } from '../routes/review-queue.route';
import { SignInRoute } from '../routes/sign-in.route';
import { SignUpRoute } from '../routes/sign-up.route';
import { AppShell } from './app-shell';

export const router = createBrowserRouter([
  {
    element: (
      <ViewerProvider>
        <AppShell />
      </ViewerProvider>
    ),
    children: [
      { index: true, element: <Navigate to="/program-rules" replace /> },
      // Open to everyone.
      { path: 'program-rules', element: <ProgramRulesRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      // Signed in, any role.
      {
        element: <RequireRole roles={ALL_ROLES} />,
        children: [{ path: 'account', element: <AccountRoute /> }],
      },
      // Program staff: the review queue and the review of one application.
      {
        element: <RequireRole roles={REVIEW_ROLES} />,
        children: [
          { path: 'review', element: <ReviewQueueRoute /> },
          { path: 'review/:id', element: <ReviewApplicationRoute /> },
        ],
      },
      // Sellers: their applications.
      {
        element: <RequireRole roles={['SELLER']} />,
        children: [
          { path: 'applications', element: <ApplicationsRoute /> },
          { path: 'applications/:id', element: <ApplicationRoute /> },
          { path: 'applications/:id/edit', element: <ApplicationEditRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
