import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { policyFromRecord } from '@recertify/domain';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationDraftFieldsFragment } from './application-form.generated';
import { toDomainRates } from '../eligibility/policy-mapping';
import { exchangeRates, savedDraft, usPolicy } from '../testing/fixtures';
import { ApplicationForm } from './application-form';

/** The generated mutation hooks are replaced (see require-role.test.tsx for why); each test sets the answers. */
const api = vi.hoisted(() => ({
  saveDraft: vi.fn<(options: unknown) => Promise<unknown>>(),
  submit: vi.fn<(options: unknown) => Promise<unknown>>(),
}));
vi.mock('./application-form.generated', () => ({
  useSaveApplicationDraftMutation: () => [api.saveDraft],
  useSubmitApplicationMutation: () => [api.submit],
}));

function renderForm(application: ApplicationDraftFieldsFragment, step = 'business') {
  const policy = usPolicy();
  const router = createMemoryRouter(
    [
      {
        path: 'applications/:id/edit',
        element: (
          <>
            <Link to="/applications">All applications</Link>
            <ApplicationForm
              application={application}
              marketplace={{ code: 'US', name: 'United States', currency: 'USD' }}
              policy={policy}
              domainPolicy={policyFromRecord('US', policy)}
              exchangeRates={toDomainRates(exchangeRates)}
              onReload={() => undefined}
            />
          </>
        ),
      },
      { path: 'applications', element: <h1>Applications</h1> },
    ],
    { initialEntries: [`/applications/${application.id}/edit?step=${step}`] },
  );
  render(<RouterProvider router={router} />);
}

const saved = () => Promise.resolve({ data: { saveApplicationDraft: { version: 4 } } });

describe('ApplicationForm', () => {
  beforeEach(() => {
    api.saveDraft.mockReset().mockImplementation(saved);
    api.submit.mockReset();
  });

  it('says at each field, once saved, what the checklist finds missing or malformed there', async () => {
    renderForm(savedDraft({ legalName: '', contactEmail: 'nope' }));
    const legalName = screen.getByLabelText('Legal name of the business');
    const email = screen.getByLabelText('Contact email');
    // Not before the seller saves: an empty field being filled in is not an error yet.
    expect(legalName).not.toHaveAttribute('aria-invalid');

    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(api.saveDraft).toHaveBeenCalledOnce(); // a draft may be incomplete: it is saved
    expect(legalName).toHaveAttribute('aria-invalid', 'true');
    expect(legalName).toHaveAccessibleDescription('Enter the legal name of the business: it is needed to submit.');
    expect(email).toHaveAccessibleDescription(
      'Decisions on the application are emailed here. This is not an email address; enter one like name@example.com.',
    );

    // Fixing the field clears its message at once.
    await userEvent.type(legalName, 'Draftwood Devices LLC');
    expect(legalName).not.toHaveAttribute('aria-invalid');
  });

  it("shows the server's refusal of a field (BAD_USER_INPUT fields) at that field", async () => {
    api.saveDraft.mockRejectedValue(
      new CombinedGraphQLErrors({
        errors: [
          {
            message: 'Check the draft.',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'contactName', message: 'must be at most 120 characters' }],
            },
          },
        ],
      }),
    );
    renderForm(savedDraft());
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const contact = screen.getByLabelText('Contact person');
    expect(contact).toHaveAttribute('aria-invalid', 'true');
    expect(contact).toHaveAccessibleDescription('Must be at most 120 characters.');
    expect(screen.getByText(/The draft was not saved: one field needs fixing/)).toBeInTheDocument();
  });

  it('disables Submit while a hard check fails, and the button says why', () => {
    renderForm(savedDraft({ legalName: '' }), 'review');
    const submit = screen.getByRole('button', { name: 'Submit the application' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(
      /^Submitting is blocked until these \d+ checks pass:.*Business details ?: Business details incomplete: missing legal name/,
    );
  });

  it('asks before a link inside the app drops unsaved edits, and keeps them on "Stay"', async () => {
    renderForm(savedDraft());
    await userEvent.type(screen.getByLabelText('Contact person'), ' Jr');
    await userEvent.click(screen.getByRole('link', { name: 'All applications' }));
    expect(screen.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.getByLabelText('Contact person')).toHaveValue('Dan Draft Jr');
  });

  it('lets the seller leave once the edits are saved', async () => {
    renderForm(savedDraft());
    await userEvent.type(screen.getByLabelText('Contact person'), ' Jr');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText(/^Saved at \d\d:\d\d UTC$/);
    await userEvent.click(screen.getByRole('link', { name: 'All applications' }));
    expect(screen.getByRole('heading', { name: 'Applications' })).toBeInTheDocument();
  });
});
