import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MarketplaceSettingsForm } from './marketplace-settings-form';
import type { ReturnSettingsValues } from './settings-form';

const settings: ReturnSettingsValues = {
  automaticInPolicy: false,
  automaticOutOfPolicy: false,
  prepaidExemptSkus: ['PH-12'],
  exemptSkuAuthorization: 'MANUAL',
  rmaPrefix: null,
};

describe('MarketplaceSettingsForm', () => {
  it('keeps a professional seller’s in-policy requests automatic, and saves the other choices', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<MarketplaceSettingsForm sellerType="PROFESSIONAL" settings={settings} onSave={onSave} />);
    const inPolicy = screen.getByRole('checkbox', { name: 'Authorize in-policy requests automatically' });
    expect(inPolicy).toBeChecked();
    expect(inPolicy).toBeDisabled();

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: /^Authorize out-of-policy requests automatically/ }));
    await user.click(screen.getByRole('radio', { name: 'Automatic' }));
    await user.type(screen.getByRole('textbox', { name: 'SKUs exempt from the prepaid-label program' }), '\nTB-7');
    await user.type(screen.getByRole('textbox', { name: 'RMA prefix' }), 'evg');
    expect(screen.getByRole('region', { name: 'What happens to the next requests' })).toHaveTextContent(
      'A request in policy for PH-12',
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(onSave).toHaveBeenCalledWith({
      automaticInPolicy: false,
      automaticOutOfPolicy: true,
      prepaidExemptSkus: ['PH-12', 'TB-7'],
      exemptSkuAuthorization: 'AUTOMATIC',
      rmaPrefix: 'EVG',
    });
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
  });

  it('refuses a SKU listed twice before sending', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<MarketplaceSettingsForm sellerType="INDIVIDUAL" settings={settings} onSave={onSave} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'SKUs exempt from the prepaid-label program' }), '\nPH-12');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(
      screen.getByRole('textbox', { name: 'SKUs exempt from the prepaid-label program' }),
    ).toHaveAccessibleDescription('PH-12 is listed twice.');
  });
});

describe('MarketplaceSettingsForm and the API', () => {
  it('shows the API’s refusal of one exempt SKU under the SKU list', async () => {
    const { CombinedGraphQLErrors } = await import('@apollo/client/errors');
    const onSave = vi.fn(() =>
      Promise.reject(
        new CombinedGraphQLErrors({
          errors: [
            {
              message: 'prepaidExemptSkus[0]: holds a character SKUs never do',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'prepaidExemptSkus[0]', message: 'holds a character SKUs never do' }],
              },
            },
          ],
        }),
      ),
    );
    render(<MarketplaceSettingsForm sellerType="INDIVIDUAL" settings={settings} onSave={onSave} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByRole('textbox', { name: 'SKUs exempt from the prepaid-label program' }),
    ).toHaveAccessibleDescription('Holds a character SKUs never do');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Check this field: SKUs exempt from the prepaid-label program.',
    );
  });
});
