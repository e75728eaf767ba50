import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

export class SignInPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Sign in' });
  }

  get email(): Locator {
    return this.page.getByLabel('Email', { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }

  get submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in', exact: true });
  }

  /** The form's alert (wrong password, locked account...). */
  get alert(): Locator {
    return this.page.getByRole('main').getByRole('alert');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  get demoAccounts(): DemoAccountsPanel {
    return new DemoAccountsPanel(this.page.getByRole('complementary', { name: 'Demo accounts' }));
  }
}

export class DemoAccountsPanel {
  constructor(readonly root: Locator) {}

  /** The email addresses listed, in order (a reader: poll it). */
  async emails(): Promise<string[]> {
    return this.root.getByRole('listitem').locator('code').allInnerTexts();
  }

  /** The password the panel says every demo account uses. */
  get password(): Locator {
    return this.root.locator('.demo-password');
  }

  /** Fills the sign-in form with one account. */
  async use(email: string): Promise<void> {
    await this.root.getByRole('button', { name: `Use ${email}`, exact: true }).click();
  }
}
