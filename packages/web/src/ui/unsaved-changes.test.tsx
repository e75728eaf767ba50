import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { UnsavedChangesGuard } from './unsaved-changes';

function EditPage() {
  const [name, setName] = useState('');
  const location = useLocation();
  return (
    <>
      <h1>Edit {location.search}</h1>
      <label>
        Name <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="button" onClick={() => setName('')}>
        Save
      </button>
      <Link to="/elsewhere">Elsewhere</Link> <Link to="/edit?step=2">Next step</Link>
      <UnsavedChangesGuard when={name !== ''} message="Your changes are not saved yet." />
    </>
  );
}

function renderApp() {
  const router = createMemoryRouter(
    [
      { path: 'edit', element: <EditPage /> },
      { path: 'elsewhere', element: <h1>Elsewhere page</h1> },
    ],
    { initialEntries: ['/edit'] },
  );
  render(<RouterProvider router={router} />);
}

describe('UnsavedChangesGuard', () => {
  it('lets a person leave a form with nothing typed', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(screen.getByRole('heading', { name: 'Elsewhere page' })).toBeInTheDocument();
  });

  it('asks before leaving with unsaved edits; "Stay" keeps the page and what was typed', async () => {
    renderApp();
    await userEvent.type(screen.getByLabelText('Name'), 'Ann');
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));

    const question = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    expect(question).toHaveAccessibleDescription('Your changes are not saved yet.');
    expect(screen.getByRole('button', { name: 'Stay on this page' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Ann');
  });

  it('Escape stays too', async () => {
    renderApp();
    await userEvent.type(screen.getByLabelText('Name'), 'Ann');
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Ann');
  });

  it('"Leave without saving" goes on to the link followed', async () => {
    renderApp();
    await userEvent.type(screen.getByLabelText('Name'), 'Ann');
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await userEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));
    expect(screen.getByRole('heading', { name: 'Elsewhere page' })).toBeInTheDocument();
  });

  it('does not ask for a change of step in the same form (the query string only)', async () => {
    renderApp();
    await userEvent.type(screen.getByLabelText('Name'), 'Ann');
    await userEvent.click(screen.getByRole('link', { name: 'Next step' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Edit ?step=2' })).toBeInTheDocument();
  });

  it('asks the browser before the tab is closed or reloaded while edits are unsaved', async () => {
    renderApp();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await userEvent.type(screen.getByLabelText('Name'), 'Ann');
    expect(unload()).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(unload()).toBe(false);
  });
});
