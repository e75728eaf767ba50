import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { expect, it } from 'vitest';
import { NotFoundRoute } from './not-found.route';

it('the 404 page has a main heading, focusable from script, and a way on', () => {
  const router = createMemoryRouter([{ path: '*', element: <NotFoundRoute /> }], { initialEntries: ['/nowhere'] });
  render(<RouterProvider router={router} />);
  const heading = screen.getByRole('heading', { level: 1, name: 'Page not found' });
  expect(heading).toHaveAttribute('tabindex', '-1');
  expect(screen.getByRole('link', { name: 'program rules' })).toHaveAttribute('href', '/program-rules');
  expect(document.title).toBe('Page not found · Recertify');
});
