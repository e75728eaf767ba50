import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReturnAddressFields } from '../return-page/return-detail-types';
import { AddressesSection } from './addresses-section';

const address = (id: string, name: string, isDefault: boolean): ReturnAddressFields => ({
  id,
  name,
  line1: '1 Main St',
  line2: null,
  city: 'Portland',
  region: 'OR',
  postalCode: '97201',
  country: 'US',
  isDefault,
});

const never = () => Promise.resolve();

describe('AddressesSection', () => {
  it('says there is no address yet, and the first one added becomes the default', () => {
    const onAdd = vi.fn(() => Promise.resolve());
    render(<AddressesSection addresses={[]} onAdd={onAdd} onMakeDefault={never} onRemove={never} />);
    expect(screen.getByText('No return address yet: add one, it becomes your default.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Make it my default return address' })).toBeChecked();
  });

  it('removes an address only after a second click, and never offers to remove the default', async () => {
    const onRemove = vi.fn(() => Promise.resolve());
    render(
      <AddressesSection
        addresses={[address('a', 'Main', true), address('b', 'Annex', false)]}
        onAdd={never}
        onMakeDefault={never}
        onRemove={onRemove}
      />,
    );
    const list = screen.getByRole('list', { name: 'Saved return addresses' });
    expect(within(list).queryByRole('button', { name: 'Remove Main' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(list).getByRole('button', { name: 'Remove Annex' }));
    expect(onRemove).not.toHaveBeenCalled();
    const confirm = within(list).getByRole('group', { name: 'Remove Annex?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(within(list).queryByRole('group', { name: 'Remove Annex?' })).not.toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Remove Annex' }));
    await user.click(within(list).getByRole('button', { name: 'Remove Annex' }));
    expect(onRemove).toHaveBeenCalledWith('b');
  });

  it('shows the refusal of a new default above the list', async () => {
    const refused = new CombinedGraphQLErrors({
      errors: [{ message: 'That return address was not found.', extensions: { code: 'NOT_FOUND' } }],
    });
    render(
      <AddressesSection
        addresses={[address('a', 'Main', true), address('b', 'Annex', false)]}
        onAdd={never}
        onMakeDefault={() => Promise.reject(refused)}
        onRemove={never}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Make Annex the default' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That return address was not found.');
  });
});
