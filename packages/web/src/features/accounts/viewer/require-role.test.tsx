import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../generated/graphql';
import type { ViewerQuery } from './viewer.generated';
import { RequireRole } from './require-role';
import { ViewerProvider } from './viewer-context';

/**
 * The Viewer query's answer, set per test. The generated hooks module is replaced rather than
 * served by MockedProvider: Vite's transform refuses it while codegen declares some types twice.
 */
interface ViewerQueryStandIn {
  answer: { data?: ViewerQuery; error?: unknown };
  refetch: () => Promise<unknown>;
}
const viewerQuery: ViewerQueryStandIn = vi.hoisted(() => ({ answer: {}, refetch: () => Promise.resolve() }));
vi.mock('./viewer.generated', () => ({
  useViewerQuery: () => ({ ...viewerQuery.answer, refetch: viewerQuery.refetch }),
}));

const anonymous: ViewerQuery = {
  viewer: { authenticated: false, role: null, user: null, organization: null, approvedMarketplaces: [] },
};

const signedInAs = (role: Role, displayName: string): ViewerQuery => ({
  viewer: {
    authenticated: true,
    role,
    user: { id: `user-${role}`, email: `${role.toLowerCase()}@example.test`, displayName },
    organization: null,
    approvedMarketplaces: [],
  },
});

function SignInStandIn() {
  const location = useLocation();
  return <p>Sign-in page at {`${location.pathname}${location.search}`}</p>;
}

/** The guard as the router uses it: a layout route over /admin-only. */
function renderGuarded(path = '/admin-only?tab=users') {
  const router = createMemoryRouter(
    [
      {
        element: <RequireRole roles={['ADMIN']} />,
        children: [{ path: 'admin-only', element: <h1>Admin things</h1> }],
      },
      { path: 'sign-in', element: <SignInStandIn /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <ViewerProvider>
      <RouterProvider router={router} />
    </ViewerProvider>,
  );
}

describe('RequireRole', () => {
  beforeEach(() => {
    viewerQuery.answer = {};
    viewerQuery.refetch = vi.fn(() => Promise.resolve());
  });

  it('waits, saying so, while it finds out who is signed in', () => {
    renderGuarded();
    expect(screen.getByRole('status')).toHaveTextContent('Checking who is signed in…');
    expect(screen.queryByRole('heading', { name: 'Admin things' })).not.toBeInTheDocument();
  });

  it('shows the page to a person in an allowed role', () => {
    viewerQuery.answer = { data: signedInAs('ADMIN', 'Adam Admin') };
    renderGuarded();
    expect(screen.getByRole('heading', { name: 'Admin things' })).toBeInTheDocument();
  });

  it('sends a visitor to sign in, with the page and its query as next', async () => {
    viewerQuery.answer = { data: anonymous };
    renderGuarded();
    expect(await screen.findByText('Sign-in page at /sign-in?next=%2Fadmin-only%3Ftab%3Dusers')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Admin things' })).not.toBeInTheDocument();
  });

  it('tells a person in another role plainly that the page is not for them', () => {
    viewerQuery.answer = { data: signedInAs('REVIEWER', 'Rita Reviewer') };
    renderGuarded();
    expect(screen.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(
      screen.getByText('This page is for admins. You are signed in as Rita Reviewer (Reviewer).'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'program rules' })).toHaveAttribute('href', '/program-rules');
    expect(screen.queryByRole('heading', { name: 'Admin things' })).not.toBeInTheDocument();
  });

  it('says so when it cannot find out who is signed in, and asks again on "Try again"', async () => {
    viewerQuery.answer = { error: new TypeError('Failed to fetch') };
    renderGuarded();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('We could not check who is signed in');
    expect(alert).toHaveTextContent('Could not reach Recertify. Check your connection and try again.');

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(viewerQuery.refetch).toHaveBeenCalledOnce();
  });
});
