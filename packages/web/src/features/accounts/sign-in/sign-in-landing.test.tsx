import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../generated/graphql';
import type { ViewerQuery } from '../viewer/viewer.generated';
import { ViewerProvider } from '../viewer/viewer-context';
import { SignInPage } from './sign-in-page';

/** The generated hooks are replaced (see require-role.test.tsx for why); the viewer is set per test. */
const viewer: { data: ViewerQuery | undefined } = vi.hoisted(() => ({ data: undefined }));
vi.mock('../viewer/viewer.generated', () => ({
  useViewerQuery: () => ({ data: viewer.data, refetch: () => Promise.resolve() }),
}));
vi.mock('./sign-in.generated', () => ({
  useSignInMutation: () => [() => Promise.resolve({})],
  useDemoAccountsQuery: () => ({ data: undefined }),
}));
vi.mock('../viewer/session', () => ({ useStartSession: () => () => Promise.resolve() }));

const signedInAs = (role: Role): ViewerQuery => ({
  viewer: {
    authenticated: true,
    role,
    user: { id: `user-${role}`, email: `${role.toLowerCase()}@example.test`, displayName: 'Someone' },
    organization: null,
    approvedMarketplaces: [],
  },
});

function Landed() {
  const location = useLocation();
  return <p>Landed on {`${location.pathname}${location.search}`}</p>;
}

function renderSignIn(path: string) {
  const router = createMemoryRouter(
    [
      { path: 'sign-in', element: <SignInPage /> },
      { path: '*', element: <Landed /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <ViewerProvider>
      <RouterProvider router={router} />
    </ViewerProvider>,
  );
}

describe('after sign-in', () => {
  beforeEach(() => {
    viewer.data = undefined;
  });

  it.each([
    ['SELLER', '/applications'],
    ['REVIEWER', '/review'],
    ['ADMIN', '/review'],
  ] as const)('a %s lands on their own work, %s', async (role, home) => {
    viewer.data = signedInAs(role);
    renderSignIn('/sign-in');
    expect(await screen.findByText(`Landed on ${home}`)).toBeInTheDocument();
  });

  it('goes to the page that was asked for instead, whatever the role', async () => {
    viewer.data = signedInAs('REVIEWER');
    renderSignIn('/sign-in?next=%2Faccount%3Ftab%3Dkeys');
    expect(await screen.findByText('Landed on /account?tab=keys')).toBeInTheDocument();
  });

  it('shows the form while nobody is signed in', () => {
    viewer.data = {
      viewer: { authenticated: false, role: null, user: null, organization: null, approvedMarketplaces: [] },
    };
    renderSignIn('/sign-in');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });
});
