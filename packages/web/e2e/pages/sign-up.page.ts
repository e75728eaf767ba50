import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

export interface NewSeller {
  email: string;
  password: string;
  name: string;
  business: string;
}

export class SignUpPage extends AppPage {
  field(label: 'Email' | 'Password' | 'Your name' | 'Business name'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The message under a field, or null while the field is not marked invalid (a reader: poll it). */
  async errorUnder(label: 'Email' | 'Password' | 'Your name' | 'Business name'): Promise<string | null> {
    const field = this.field(label);
    if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
    const messages = await this.page.locator('.field', { has: field }).locator('.field-error').allInnerTexts();
    return messages.join(' | ');
  }

  get alert(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  /** What every sign-up is answered with, for a new address or one that has an account. */
  get checkYourEmail(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Check your email' });
  }

  get status(): Locator {
    return this.page.getByRole('main').getByRole('status');
  }

  /** The page the emailed link opens: one click confirms the address and signs in. */
  get confirmButton(): Locator {
    return this.page.getByRole('button', { name: 'Confirm and sign in', exact: true });
  }

  async signUp(seller: NewSeller): Promise<void> {
    await this.field('Email').fill(seller.email);
    await this.field('Password').fill(seller.password);
    await this.field('Your name').fill(seller.name);
    await this.field('Business name').fill(seller.business);
    await this.page.getByRole('button', { name: 'Create account', exact: true }).click();
  }
}
