import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

export type StepLabel =
  | 'Business'
  | 'Refurbishment'
  | 'Categories & brands'
  | 'Invoices'
  | 'Images'
  | 'Warranty & attestations'
  | 'Review & submit';

export interface InvoiceLineValues {
  description: string;
  brand: string;
  unitPrice: string;
  quantity: string;
  amount: string;
}

/** /applications/:id/edit: the application as steps, with the live eligibility checklist beside it. */
export class ApplicationFormPage extends AppPage {
  /** The title with its status badge, e.g. "Application to sell Renewed in United States Draft". */
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Application to sell Renewed in / });
  }

  /** The form of the current step, named by its heading. */
  get form(): Locator {
    return this.page.getByRole('form', { name: /^Step \d of \d/ });
  }

  /** The current step's heading, e.g. "Step 4 of 7 Invoices". */
  get stepTitle(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^Step \d of \d/ });
  }

  /** Moves to a step through the step list (which saves what was typed) and waits for its heading. */
  async goToStep(label: StepLabel): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Steps of the application' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) })
      .click();
    await this.page.getByRole('heading', { level: 2, name: new RegExp(`${escapeRegExp(label)}$`) }).waitFor();
  }

  /** "Saved at …", "Unsaved changes", "Not saved"… beside the Save draft button. */
  get saveStatus(): Locator {
    return this.form.getByRole('status').filter({ hasText: /^(Saved|Saving|Unsaved|Not saved|No changes)/ });
  }

  get checklist(): EligibilityChecklist {
    return new EligibilityChecklist(this.page.getByRole('complementary', { name: 'Eligibility', exact: true }));
  }

  // --- Business -------------------------------------------------------------------------------

  async fillBusiness(values: {
    legalName: string;
    contactName: string;
    contactEmail: string;
    sellerType: 'Professional' | 'Individual';
  }): Promise<void> {
    await this.form.getByLabel('Legal name of the business', { exact: true }).fill(values.legalName);
    await this.form.getByLabel('Contact person', { exact: true }).fill(values.contactName);
    await this.form.getByLabel('Contact email', { exact: true }).fill(values.contactEmail);
    await this.form.getByRole('radio', { name: values.sellerType, exact: true }).check();
    await this.form.getByRole('radio', { name: 'No, this is a new seller account', exact: true }).check();
  }

  // --- Refurbishment --------------------------------------------------------------------------

  async chooseRefurbisher(who: 'The manufacturer' | { thirdParty: string }): Promise<void> {
    if (who === 'The manufacturer') {
      await this.form.getByRole('radio', { name: who, exact: true }).check();
      return;
    }
    await this.form.getByRole('radio', { name: 'A third-party refurbisher', exact: true }).check();
    await this.form.getByLabel('Name of the refurbisher', { exact: true }).fill(who.thirdParty);
  }

  // --- Categories & brands --------------------------------------------------------------------

  /** Types a category (the field suggests some, hence a combobox) and adds it. */
  async addCategory(name: string): Promise<void> {
    await this.form.getByRole('combobox', { name: 'Categories you will sell in', exact: true }).fill(name);
    await this.form.getByRole('button', { name: 'Add category', exact: true }).click();
    await this.form.getByRole('list', { name: 'Categories you will sell in' }).getByText(name).waitFor();
  }

  async addBrand(name: string): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Brands you will sell', exact: true }).fill(name);
    await this.form.getByRole('button', { name: 'Add brand', exact: true }).click();
    await this.form.getByRole('list', { name: 'Brands you will sell' }).getByText(name).waitFor();
  }

  // --- Invoices -------------------------------------------------------------------------------

  /** Adds an invoice and returns its card ("Invoice <n>"). */
  async addInvoice(): Promise<InvoiceCard> {
    const cards = this.form.getByRole('article');
    const number = (await cards.count()) + 1;
    await this.form.getByRole('button', { name: 'Add an invoice', exact: true }).click();
    const card = this.invoice(number);
    await card.root.waitFor();
    return card;
  }

  invoice(number: number): InvoiceCard {
    return new InvoiceCard(this.form.getByRole('article', { name: new RegExp(`^Invoice ${number}\\b`) }), number);
  }

  // --- Images ---------------------------------------------------------------------------------

  /** What the images step counts, e.g. "8 of at least 8 images · every required view is here". */
  get imageCount(): Locator {
    return this.form.getByRole('paragraph').filter({ hasText: /^\d+ of at least \d+ images/ });
  }

  /**
   * Uploads a file into the empty slot of a view, as the slot names it ("Shipping box",
   * "Inner packaging", "Top"…), and waits until the slot shows the uploaded picture.
   */
  async uploadImage(viewName: string, filePath: string, fileName: string): Promise<void> {
    await this.form.getByLabel(`Upload the ${viewName} image`, { exact: true }).setInputFiles(filePath);
    await this.form.getByRole('img', { name: `${viewName}: ${fileName}`, exact: true }).waitFor();
  }

  /**
   * Each filled slot's line of what the server read from the file, e.g. "600 × 600 px · front.png",
   * in slot order (a reader: poll it).
   */
  async imageDetails(): Promise<string[]> {
    const details = this.form.getByRole('paragraph').filter({ hasText: /^(\d+ × \d+ px|size unknown) · / });
    return (await details.allInnerTexts()).map(normalize);
  }

  // --- Warranty & attestations ----------------------------------------------------------------

  async acceptRenewedGuarantee(): Promise<void> {
    await this.form.getByRole('checkbox', { name: 'I accept the Renewed Guarantee', exact: true }).check();
  }

  async attestInspection(): Promise<void> {
    await this.form.getByRole('checkbox', { name: /^Every unit is inspected, cleaned, repaired/ }).check();
  }

  async acceptQualityPolicy(): Promise<void> {
    await this.form.getByRole('checkbox', { name: /^I accept the program's quality policy/ }).check();
  }

  // --- Review & submit ------------------------------------------------------------------------

  get submitButton(): Locator {
    return this.form.getByRole('button', { name: 'Submit the application', exact: true });
  }

  /** The sentence above the submit button once no hard check fails. */
  get readyToSubmit(): Locator {
    return this.form.getByText(/^No hard check fails\. Submitting saves your latest changes/);
  }

  /** The value of a line of the review summary by its term, e.g. "Qualifying purchases" -> "50,000.00 USD of 50,000.00 USD". */
  summary(term: string): Locator {
    return this.form
      .locator('dl > div')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  /** Alerts the form shows: a refused save or submission. */
  get alerts(): Locator {
    return this.form.getByRole('alert');
  }
}

export class InvoiceCard {
  constructor(
    readonly root: Locator,
    private readonly number: number,
  ) {}

  async fill(values: { supplier: string; invoiceNumber: string; date: string; currency: string }): Promise<void> {
    await this.root.getByLabel('Supplier', { exact: true }).fill(values.supplier);
    await this.root.getByLabel('Invoice number', { exact: true }).fill(values.invoiceNumber);
    await this.root.getByLabel('Invoice date', { exact: true }).fill(values.date);
    await this.root.getByLabel('Currency', { exact: true }).selectOption(values.currency);
  }

  /** Uploads the invoice's document and waits until the card links to it by name. */
  async uploadDocument(filePath: string, fileName: string): Promise<void> {
    await this.root
      .getByLabel(`Upload the document of Invoice ${this.number}`, { exact: true })
      .setInputFiles(filePath);
    await this.documentLink(fileName).waitFor();
  }

  documentLink(fileName: string): Locator {
    return this.root.getByRole('link', { name: fileName, exact: true });
  }

  /** "Counts 50,000.00 USD toward qualifying purchases.", "Does not count until…". */
  get verdict(): Locator {
    return this.root.getByText(/^(Counts .* toward qualifying purchases|Does not count)/);
  }

  /** A line's fields, by its number in the invoice (1-based). */
  line(number: number): InvoiceLineFields {
    return new InvoiceLineFields(this.root.getByRole('group', { name: `Line ${number} of invoice ${this.number}` }));
  }

  async lineCount(): Promise<number> {
    return this.root.getByRole('group', { name: /^Line \d+ of invoice / }).count();
  }

  /** Adds an empty line (a new invoice already has one) and returns it. */
  async addLine(): Promise<InvoiceLineFields> {
    const number = (await this.lineCount()) + 1;
    await this.root.getByRole('button', { name: 'Add a line', exact: true }).click();
    const line = this.line(number);
    await line.root.waitFor();
    return line;
  }
}

export class InvoiceLineFields {
  constructor(readonly root: Locator) {}

  async fill(values: InvoiceLineValues): Promise<void> {
    await this.root.getByLabel('Description', { exact: true }).fill(values.description);
    await this.root.getByLabel('Brand', { exact: true }).fill(values.brand);
    await this.root.getByLabel(/^Unit price \(/).fill(values.unitPrice);
    await this.root.getByLabel('Quantity', { exact: true }).fill(values.quantity);
    await this.root.getByLabel(/^Amount \(/).fill(values.amount);
  }

  /** What the live check says of the line: "Counts …" or "Not counted: …" (it follows every keystroke). */
  get verdict(): Locator {
    return this.root.getByText(/^(Counts |Not counted: )/);
  }
}

/** The live eligibility checklist: a verdict, then one entry per criterion with its figures. */
export class EligibilityChecklist {
  constructor(readonly root: Locator) {}

  /** "No hard check fails." or "2 checks fail: they block submission." */
  get verdict(): Locator {
    return this.root.getByText(/^(No hard check fails|\d+ checks? fails?:)/);
  }

  private entry(label: string): Locator {
    return this.root
      .getByRole('listitem')
      .filter({ has: this.root.page().getByRole('button', { name: label, exact: true }) });
  }

  /** A criterion's status words by its label ("Qualifying purchases"): "Passes", "Fails…", "A reviewer checks…". */
  status(label: string): Locator {
    return this.entry(label).getByText(/^(Passes|Fails|A reviewer checks)/);
  }

  /** A criterion's summary of figures, its last paragraph. */
  summary(label: string): Locator {
    return this.entry(label).getByRole('paragraph').last();
  }
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
