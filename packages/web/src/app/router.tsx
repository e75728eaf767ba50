import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRole } from '../features/accounts/viewer/require-role';
import { ViewerProvider } from '../features/accounts/viewer/viewer-context';
import { ALL_ROLES } from '../features/accounts/viewer/viewer-state';
import { REVIEW_ROLES } from '../features/review/review-paths';
import { AppShell } from './app-shell';
import { RouteLoadError } from './route-loading';

/**
 * A page loaded on first visit, in its own chunk: the entry holds only the shell, the router and
 * Apollo, so a visitor to /sign-in does not download the review and application pages. The router
 * waits for the chunk before it changes page (`useNavigation().state === 'loading'` meanwhile).
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/**
 * The shell stays in place while the first page's chunk loads: the hydrate fallback is the same
 * element as the route's, so React keeps it (no remount, no layout jump) and only fills `<main>`.
 */
const shell = (
  <ViewerProvider>
    <AppShell />
  </ViewerProvider>
);

export const router = createBrowserRouter([
  {
    element: shell,
    hydrateFallbackElement: shell,
    children: [
      {
        // Pages that fail to load (a chunk gone after a deploy, the network down) say so inside the shell.
        errorElement: <RouteLoadError />,
        children: [
          { index: true, element: <Navigate to="/program-rules" replace /> },
          // Open to everyone.
          {
            path: 'program-rules',
            lazy: page(
              () => import('../routes/program-rules.route'),
              (m) => m.ProgramRulesRoute,
            ),
          },
          {
            path: 'sign-in',
            lazy: page(
              () => import('../routes/sign-in.route'),
              (m) => m.SignInRoute,
            ),
          },
          {
            path: 'sign-up',
            lazy: page(
              () => import('../routes/sign-up.route'),
              (m) => m.SignUpRoute,
            ),
          },
          {
            path: 'confirm-email',
            lazy: page(
              () => import('../routes/confirm-email.route'),
              (m) => m.ConfirmEmailRoute,
            ),
          },
          {
            path: 'forgot-password',
            lazy: page(
              () => import('../routes/forgot-password.route'),
              (m) => m.ForgotPasswordRoute,
            ),
          },
          {
            path: 'reset-password',
            lazy: page(
              () => import('../routes/reset-password.route'),
              (m) => m.ResetPasswordRoute,
            ),
          },
          // Signed in, any role.
          {
            element: <RequireRole roles={ALL_ROLES} />,
            children: [
              {
                path: 'account',
                lazy: page(
                  () => import('../routes/account.route'),
                  (m) => m.AccountRoute,
                ),
              },
            ],
          },
          // Program staff: the review queue and the review of one application.
          {
            element: <RequireRole roles={REVIEW_ROLES} />,
            children: [
              {
                path: 'review',
                lazy: page(
                  () => import('../routes/review-queue.route'),
                  (m) => m.ReviewQueueRoute,
                ),
              },
              {
                path: 'review/seller-health',
                lazy: page(
                  () => import('../routes/seller-health.route'),
                  (m) => m.SellerHealthRoute,
                ),
              },
              {
                path: 'review/:id',
                lazy: page(
                  () => import('../routes/review-application.route'),
                  (m) => m.ReviewApplicationRoute,
                ),
              },
              {
                path: 'review/sellers/:id/quality',
                lazy: page(
                  () => import('../routes/review-seller-quality.route'),
                  (m) => m.ReviewSellerQualityRoute,
                ),
              },
            ],
          },
          // Admins: the keys the marketplace's own systems ingest quality data with, the categories' return windows.
          {
            element: <RequireRole roles={['ADMIN']} />,
            children: [
              {
                path: 'admin/ingestion-keys',
                lazy: page(
                  () => import('../routes/ingestion-keys.route'),
                  (m) => m.IngestionKeysRoute,
                ),
              },
              {
                path: 'admin/return-windows',
                lazy: page(
                  () => import('../routes/return-windows.route'),
                  (m) => m.ReturnWindowsRoute,
                ),
              },
            ],
          },
          // Sellers: their applications and their returns.
          {
            element: <RequireRole roles={['SELLER']} />,
            children: [
              {
                path: 'applications',
                lazy: page(
                  () => import('../routes/applications.route'),
                  (m) => m.ApplicationsRoute,
                ),
              },
              {
                path: 'applications/:id',
                lazy: page(
                  () => import('../routes/application.route'),
                  (m) => m.ApplicationRoute,
                ),
              },
              {
                path: 'applications/:id/edit',
                lazy: page(
                  () => import('../routes/application-edit.route'),
                  (m) => m.ApplicationEditRoute,
                ),
              },
              {
                path: 'quality',
                lazy: page(
                  () => import('../routes/quality.route'),
                  (m) => m.QualityRoute,
                ),
              },
              // Their returns: the queue, one return, the settings.
              {
                path: 'returns',
                lazy: page(
                  () => import('../routes/returns.route'),
                  (m) => m.ReturnsRoute,
                ),
              },
              {
                path: 'returns/settings',
                lazy: page(
                  () => import('../routes/returns-settings.route'),
                  (m) => m.ReturnsSettingsRoute,
                ),
              },
              {
                path: 'returns/:id',
                lazy: page(
                  () => import('../routes/returns-detail.route'),
                  (m) => m.ReturnsDetailRoute,
                ),
              },
            ],
          },
          {
            path: '*',
            lazy: page(
              () => import('../routes/not-found.route'),
              (m) => m.NotFoundRoute,
            ),
          },
        ],
      },
    ],
  },
]);
