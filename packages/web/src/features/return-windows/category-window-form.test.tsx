import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CategoryWindowForm } from './category-window-form';

describe('CategoryWindowForm', () => {
  it.each([
    ['0', 'The return window must be a whole number of days from 1 to 365; got 0.'],
    ['366', 'The return window must be a whole number of days from 1 to 365; got 366.'],
    ['2.5', 'Enter a whole number of days from 1 to 365.'],
    ['', 'Enter a whole number of days from 1 to 365.'],
  ])('refuses %j days under the field before sending', async (days, message) => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<CategoryWindowForm marketplaceName="United States" onSave={onSave} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Category' }), 'Cameras');
    if (days) await user.type(screen.getByRole('textbox', { name: 'Return window (days)' }), days);
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Return window (days)' })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
  });

  it('saves 1 and 365 days (the bounds) for a trimmed category, and says so', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<CategoryWindowForm marketplaceName="Canada" onSave={onSave} />);
    const user = userEvent.setup();
    for (const days of ['1', '365']) {
      await user.type(screen.getByRole('textbox', { name: 'Category' }), '  Cameras ');
      await user.type(screen.getByRole('textbox', { name: 'Return window (days)' }), days);
      await user.click(screen.getByRole('button', { name: 'Save window' }));
      expect(onSave).toHaveBeenLastCalledWith({ categoryName: 'Cameras', days: Number(days) });
      expect(await screen.findByRole('status')).toHaveTextContent(
        `Cameras now has a ${days}-day return window in Canada.`,
      );
    }
  });

  it('shows the server’s refusal under the field it names', async () => {
    const refused = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'categoryName: must not contain control characters',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'categoryName', message: 'must not contain control characters' }],
          },
        },
      ],
    });
    render(<CategoryWindowForm marketplaceName="Mexico" onSave={() => Promise.reject(refused)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Category' }), 'Cameras');
    await user.type(screen.getByRole('textbox', { name: 'Return window (days)' }), '20');
    await user.click(screen.getByRole('button', { name: 'Save window' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Check this field: Category.');
    expect(screen.getByRole('textbox', { name: 'Category' })).toHaveAccessibleDescription(
      expect.stringContaining('Must not contain control characters'),
    );
  });
});
