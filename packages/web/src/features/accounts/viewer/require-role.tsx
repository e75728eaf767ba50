import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../../generated/graphql';
import { usePageTitle } from '../../../ui/page-title';
import { ErrorState, LoadingState } from '../../../ui/states';
import { signInPathFor } from '../sign-in/next-path';
import { useViewer } from './viewer-context';
import { ROLE_LABELS } from '../../../ui/role-labels';
import type { SignedInViewer } from './viewer-state';

interface Props {
  /** Who may see the pages below. */
  roles: readonly Role[];
  /** The guarded content; a layout route's child routes when left out. */
  children?: ReactNode;
}

/**
 * Guards pages by role: an anonymous visitor is sent to sign in and brought back afterwards
 * (/sign-in?next=<path>); a signed-in person in another role is told plainly that the page is not
 * for them. The server checks every request anyway; this only spares people a page of errors.
 */
export function RequireRole({ roles, children }: Props) {
  const viewer = useViewer();
  const location = useLocation();
  switch (viewer.status) {
    case 'loading':
      return <LoadingState label="Checking who is signed in…" />;
    case 'failed':
      return <ErrorState title="We could not check who is signed in" error={viewer} onRetry={viewer.retry} />;
    case 'anonymous':
      return <Navigate to={signInPathFor(location)} replace />;
    case 'signed-in':
      return roles.includes(viewer.role) ? (children ?? <Outlet />) : <NotAllowed viewer={viewer} roles={roles} />;
  }
}

function NotAllowed({ viewer, roles }: { viewer: SignedInViewer; roles: readonly Role[] }) {
  usePageTitle('Not allowed');
  const forWhom = roles.map((role) => `${ROLE_LABELS[role].toLowerCase()}s`).join(' and ');
  return (
    <section className="state state-forbidden" aria-labelledby="not-allowed-title">
      <h1 tabIndex={-1} id="not-allowed-title">
        Not allowed
      </h1>
      <p>
        This page is for {forWhom}. You are signed in as {viewer.user.displayName} ({ROLE_LABELS[viewer.role]}).
      </p>
      <p>
        Go to the <Link to="/program-rules">program rules</Link> or your <Link to="/account">account</Link>.
      </p>
    </section>
  );
}
