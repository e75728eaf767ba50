import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerProvider } from '../viewer/viewer-context';
import { ConfirmEmailPage } from './confirm-email-page';
import { SignUpPage } from './sign-up-page';

/** The generated hooks are replaced (see require-role.test.tsx for why); each test sets the answers. */
const api = vi.hoisted(() => ({
  signUp: vi.fn<(options: unknown) => Promise<unknown>>(),
  confirm: vi.fn<(options: unknown) => Promise<unknown>>(),
  startSession: vi.fn<() => Promise<unknown>>(),
}));
vi.mock('../viewer/viewer.generated', () => ({
  useViewerQuery: () => ({
    data: { viewer: { authenticated: false, role: null, user: null, organization: null, approvedMarketplaces: [] } },
    refetch: () => Promise.resolve(),
  }),
}));
vi.mock('./sign-up.generated', () => ({
  useSignUpSellerMutation: () => [api.signUp],
  useConfirmEmailMutation: () => [api.confirm],
}));
vi.mock('../viewer/session', () => ({ useStartSession: () => api.startSession }));

function renderAt(path: string, element: ReactElement) {
  const router = createMemoryRouter([{ path: path.split('?')[0], element }], { initialEntries: [path] });
  render(
    <ViewerProvider>
      <RouterProvider router={router} />
    </ViewerProvider>,
  );
}

beforeEach(() => {
  api.signUp.mockReset();
  api.confirm.mockReset();
  api.startSession.mockReset().mockResolvedValue(undefined);
});

describe('sign-up', () => {
  it('says "check your email" with the address, and signs nobody in (the same answer when the address has an account)', async () => {
    api.signUp.mockResolvedValue({ data: { signUpSeller: true } });
    renderAt('/sign-up', <SignUpPage />);
    await userEvent.type(screen.getByLabelText('Email'), ' erin@example.test ');
    await userEvent.type(screen.getByLabelText('Password'), 'a long enough passphrase');
    await userEvent.type(screen.getByLabelText('Your name'), 'Erin');
    await userEvent.type(screen.getByLabelText('Business name'), 'Ellis Refurb');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'We sent an email to erin@example.test. Open the link in it to confirm your address and sign in.',
    );
    expect(api.startSession).not.toHaveBeenCalled();
  });
});

describe('confirming the email', () => {
  it('confirms with the token of the link on a click, then starts the session', async () => {
    api.confirm.mockResolvedValue({ data: { confirmEmail: { id: 'u1' } } });
    renderAt('/confirm-email?token=abc%2Fdef', <ConfirmEmailPage />);
    expect(api.confirm).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and sign in' }));
    expect(api.confirm).toHaveBeenCalledWith({ variables: { token: 'abc/def' } });
    expect(api.startSession).toHaveBeenCalledTimes(1);
  });

  it('a used link: the API says why, with the ways in', async () => {
    api.confirm.mockRejectedValue(
      new CombinedGraphQLErrors({
        errors: [
          {
            message: 'This link has already been used or is not valid. Sign in, or reset your password.',
            extensions: { code: 'INVALID_TOKEN', field: 'token' },
          },
        ],
      }),
    );
    renderAt('/confirm-email?token=used', <ConfirmEmailPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link has already been used or is not valid.');
    expect(screen.getByRole('link', { name: 'reset your password' })).toHaveAttribute('href', '/forgot-password');
    expect(api.startSession).not.toHaveBeenCalled();
  });

  it('without a token: says where the link is', () => {
    renderAt('/confirm-email', <ConfirmEmailPage />);
    expect(screen.getByText(/needs the link from your sign-up email/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
