import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EmailSettingsSection } from './email-settings-section';

describe('EmailSettingsSection', () => {
  it('saves the choices, an empty recipient as none', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(
      <EmailSettingsSection
        settings={{ receiveRequestEmails: true, recipientEmail: 'returns@evergreen.test', includeActionLinks: true }}
        onSave={onSave}
      />,
    );
    const user = userEvent.setup();
    await user.clear(screen.getByRole('textbox', { name: 'Send them to' }));
    await user.click(screen.getByRole('checkbox', { name: /^Put links in them/ }));
    await user.click(screen.getByRole('button', { name: 'Save email settings' }));
    expect(onSave).toHaveBeenCalledWith({
      receiveRequestEmails: true,
      recipientEmail: null,
      includeActionLinks: false,
    });
    expect(await screen.findByText('Email settings saved.')).toBeInTheDocument();
  });

  it('hides where and how once the emails are turned off', async () => {
    render(
      <EmailSettingsSection
        settings={{ receiveRequestEmails: true, recipientEmail: null, includeActionLinks: true }}
        onSave={vi.fn()}
      />,
    );
    await userEvent.setup().click(screen.getByRole('checkbox', { name: /^Email me when a return request arrives/ }));
    expect(screen.queryByRole('textbox', { name: 'Send them to' })).toBeNull();
  });
});
