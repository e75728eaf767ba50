import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ViewerProvider } from '../viewer/viewer-context';
import { SignInPage } from './sign-in-page';

const LOCKED =
  'Too many failed sign-ins: this account is locked for 15 more minutes. If it is yours, check your email for the link that unlocks it, or reset your password.';

vi.mock('../viewer/viewer.generated', () => ({
  useViewerQuery: () => ({
    data: { viewer: { authenticated: false, role: null, user: null, organization: null, approvedMarketplaces: [] } },
    refetch: () => Promise.resolve(),
  }),
}));
vi.mock('./sign-in.generated', () => ({
  useSignInMutation: () => [
    () =>
      Promise.reject(
        new CombinedGraphQLErrors({
          errors: [
            { message: LOCKED, extensions: { code: 'ACCOUNT_LOCKED', lockedUntil: '2026-11-30T10:15:00.000Z' } },
          ],
        }),
      ),
  ],
  useDemoAccountsQuery: () => ({ data: undefined }),
}));
vi.mock('../viewer/session', () => ({ useStartSession: () => () => Promise.resolve() }));

describe('a locked account at sign-in', () => {
  it('says so, and shows the owner the way in: the emailed unlock link, or a reset now', async () => {
    const router = createMemoryRouter([{ path: 'sign-in', element: <SignInPage /> }], { initialEntries: ['/sign-in'] });
    render(
      <ViewerProvider>
        <RouterProvider router={router} />
      </ViewerProvider>,
    );
    await userEvent.type(screen.getByLabelText('Email'), 'someone@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(LOCKED);
    expect(alert).toHaveTextContent('Your account? Reset your password: the emailed link unlocks it at once.');
    expect(screen.getByRole('link', { name: 'Reset your password' })).toHaveAttribute('href', '/forgot-password');
  });
});
