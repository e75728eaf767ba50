import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef, useState } from 'react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFocusHeadingOnNavigation } from './heading-focus';

function Layout() {
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(main);
  return (
    <>
      <nav>
        <Link to="/first">First</Link> <Link to="/second">Second</Link> <Link to="/later">Later</Link>{' '}
        <Link to="/first?step=2">Step 2</Link>
      </nav>
      <main ref={main}>
        <Outlet />
      </main>
    </>
  );
}

/** A page whose heading comes with its data. */
function LaterPage() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLoaded(true), 10);
    return () => clearTimeout(timer);
  }, []);
  return loaded ? <h1>Later page</h1> : <p role="status">Loading…</p>;
}

function renderApp() {
  const router = createMemoryRouter(
    [
      {
        element: <Layout />,
        children: [
          { path: 'first', element: <h1 tabIndex={-1}>First page</h1> },
          { path: 'second', element: <h1 tabIndex={-1}>Second page</h1> },
          { path: 'later', element: <LaterPage /> },
        ],
      },
    ],
    { initialEntries: ['/first'] },
  );
  render(<RouterProvider router={router} />);
}

describe('useFocusHeadingOnNavigation', () => {
  it('leaves focus alone on the first load', () => {
    renderApp();
    expect(screen.getByRole('heading', { name: 'First page' })).not.toHaveFocus();
  });

  it('moves focus to the new page heading after following a link', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('link', { name: 'Second' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Second page' })).toHaveFocus();
  });

  it('waits for a heading that comes with the data, and makes it focusable from script only', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('link', { name: 'Later' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Later page' });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute('tabindex', '-1');
  });

  it('does not move focus when only the query string changes (a step of the same page)', async () => {
    renderApp();
    const link = screen.getByRole('link', { name: 'Step 2' });
    await userEvent.click(link);
    expect(screen.getByRole('heading', { name: 'First page' })).not.toHaveFocus();
  });
});
