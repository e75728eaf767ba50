import { createBrowserRouter, Navigate, type PatchRoutesOnNavigationFunction, type RouteObject } from 'react-router';
import { ViewerProvider } from '../features/accounts/viewer/viewer-context';
import { AppShell } from './app-shell';
import { page } from './lazy-page';
import { RouteLoadError } from './route-loading';

/**
 * The shell stays in place while the first page's chunk loads: the hydrate fallback is the same
 * element as the route's, so React keeps it (no remount, no layout jump) and only fills `<main>`.
 */
const shell = (
  <ViewerProvider>
    <AppShell />
  </ViewerProvider>
);

/** The route the pages hang from; the signed-in pages are added to it when first asked for. */
const PAGES = 'pages';

let signedInRoutesAdded = false;

/**
 * Adds the signed-in pages (signed-in-routes.tsx) to the router. React Router calls this before a
 * navigation that no route answers, or only the not-found route or a route with a parameter does:
 * the first visit to /review, /applications or any other page behind sign-in loads the table (a
 * small chunk, with the guards) and then the page. Later calls have nothing to add.
 */
const addSignedInRoutes: PatchRoutesOnNavigationFunction = async ({ patch, signal }) => {
  if (signedInRoutesAdded) return;
  const { signedInRoutes } = await import('./signed-in-routes');
  // React Router ignores a patch for a navigation given up meanwhile: the next navigation adds them.
  if (signedInRoutesAdded || signal.aborted) return;
  patch(PAGES, signedInRoutes);
  signedInRoutesAdded = true;
};

const routes: RouteObject[] = [
  {
    element: shell,
    hydrateFallbackElement: shell,
    children: [
      {
        // Pages that fail to load (a chunk gone after a deploy, the network down) say so inside the shell.
        id: PAGES,
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
];

export const router = createBrowserRouter(routes, { patchRoutesOnNavigation: addSignedInRoutes });
