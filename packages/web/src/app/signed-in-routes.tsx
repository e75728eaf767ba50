import type { RouteObject } from 'react-router';
import { RequireRole } from '../features/accounts/viewer/require-role';
import { ALL_ROLES } from '../features/accounts/viewer/viewer-state';
import { REVIEW_ROLES } from '../features/review/review-paths';
import { page } from './lazy-page';

/**
 * The pages behind sign-in, each group behind its role guard. Not in the entry: the router adds
 * them (`patchRoutesOnNavigation` in router.tsx) on the first navigation the public pages do not
 * answer, so a visitor to /sign-in downloads neither this table nor the guards.
 */
export const signedInRoutes: RouteObject[] = [
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
];
