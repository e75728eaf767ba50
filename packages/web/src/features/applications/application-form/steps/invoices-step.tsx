import {
  CURRENCIES,
  formatMoney,
  type CurrencyCode,
  type InvoiceEvaluation,
  type InvoiceLineEvaluation,
  type LineExclusionReason,
  TEXT_LIMITS,
} from '@recertify/domain';
import { useId } from 'react';
import { ConfirmButton } from '../../../../ui/confirm-button';
import { TextField } from '../../../../ui/form';
import { FileUpload } from '../../uploads/file-upload';
import { fileHref } from '../../uploads/uploads';
import { invoiceFieldKey, lineFieldKey } from '../error-paths';
import { CheckboxField } from '../fields';
import type { FormApi } from '../form-api';
import {
  emptyInvoice,
  emptyLine,
  updateInvoice,
  updateLine,
  type InvoiceDraft,
  type InvoiceLineDraft,
} from '../form-state';

export function InvoicesStep({ form }: { form: FormApi }) {
  const { state, policy, report } = form;
  return (
    <div className="step-fields">
      <p className="muted">
        Your supplier invoices of refurbished units from the trailing {policy.purchaseWindowDays} days. Lines whose unit
        price is at or below {policy.excludedItemMaxUnitPrice.formatted} do not count. Where the invoice blacks out the
        quantity or the line amount, tick “blacked out” — one of the two must be shown.
      </p>
      {state.invoices.length === 0 && <p className="notice">No invoices yet.</p>}
      {state.invoices.map((invoice, index) => (
        <InvoiceCard
          key={invoice.key}
          form={form}
          invoice={invoice}
          number={index + 1}
          evaluation={report.invoices.find((evaluation) => evaluation.invoiceId === invoice.key)}
        />
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          form.update((s) => ({ ...s, invoices: [...s.invoices, emptyInvoice(form.marketplace.currency)] }))
        }
      >
        Add an invoice
      </button>
    </div>
  );
}

function InvoiceCard({
  form,
  invoice,
  number,
  evaluation,
}: {
  form: FormApi;
  invoice: InvoiceDraft;
  number: number;
  evaluation: InvoiceEvaluation | undefined;
}) {
  const titleId = useId();
  const currencyId = useId();
  const { errors } = form;
  const key = (field: Parameters<typeof invoiceFieldKey>[1]) => invoiceFieldKey(invoice.key, field);
  const change = (patch: Partial<InvoiceDraft>, field: Parameters<typeof invoiceFieldKey>[1]) =>
    form.update((s) => updateInvoice(s, invoice.key, (current) => ({ ...current, ...patch })), key(field));
  const title = `Invoice ${number}`;
  return (
    <article className="invoice-card" aria-labelledby={titleId}>
      <header className="invoice-header">
        <h3 id={titleId}>
          {title}
          {invoice.supplier.trim() && <span className="muted"> · {invoice.supplier.trim()}</span>}
        </h3>
        <ConfirmButton
          label="Remove invoice"
          accessibleLabel={`Remove ${title}`}
          question={`Remove ${title} and its ${invoice.lines.length === 1 ? 'line' : `${invoice.lines.length} lines`}?`}
          confirmLabel="Yes, remove"
          busyLabel="Removing…"
          onConfirm={() => {
            form.update((s) => ({ ...s, invoices: s.invoices.filter((other) => other.key !== invoice.key) }));
            return Promise.resolve();
          }}
        />
      </header>
      {evaluation && <InvoiceVerdict evaluation={evaluation} />}
      <div className="form-row">
        <TextField
          label="Supplier"
          name={`supplier-${invoice.key}`}
          maxLength={TEXT_LIMITS.supplier}
          value={invoice.supplier}
          onChange={(supplier) => change({ supplier }, 'supplier')}
          error={errors[key('supplier')]}
        />
        <TextField
          label="Invoice number"
          name={`invoiceNumber-${invoice.key}`}
          maxLength={TEXT_LIMITS.invoiceNumber}
          value={invoice.invoiceNumber}
          onChange={(invoiceNumber) => change({ invoiceNumber }, 'invoiceNumber')}
          error={errors[key('invoiceNumber')]}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Invoice date"
          name={`date-${invoice.key}`}
          type="date"
          value={invoice.date}
          onChange={(date) => change({ date }, 'date')}
          error={errors[key('date')]}
        />
        <div className={errors[key('currency')] ? 'field field-invalid' : 'field'}>
          <label htmlFor={currencyId}>Currency</label>
          <select
            id={currencyId}
            value={invoice.currency}
            onChange={(event) => change({ currency: event.target.value as CurrencyCode }, 'currency')}
          >
            {Object.values(CURRENCIES).map((currency) => (
              <option key={currency.code} value={currency.code}>
                {currency.code} — {currency.name}
              </option>
            ))}
          </select>
          {errors[key('currency')] && <p className="field-error">{errors[key('currency')]}</p>}
        </div>
      </div>
      <div className={errors[key('document')] ? 'field field-invalid invoice-document' : 'field invoice-document'}>
        <span className="field-label">The invoice document</span>
        {invoice.document ? (
          <p className="document-line">
            <a href={fileHref(invoice.document)} target="_blank" rel="noreferrer">
              {invoice.document.originalName}
            </a>{' '}
            <span className="muted small">({describeType(invoice.document.contentType)})</span>
          </p>
        ) : (
          <p className="muted small">Not uploaded yet: the invoice's lines count only with its document.</p>
        )}
        <FileUpload
          kind="DOCUMENT"
          label={invoice.document ? 'Replace the document' : 'Upload the invoice'}
          accessibleLabel={`${invoice.document ? 'Replace the document of' : 'Upload the document of'} ${title}`}
          onUploaded={(document) => change({ document }, 'document')}
          error={errors[key('document')]}
        />
      </div>
      <h4 className="lines-title">Lines</h4>
      <ol className="invoice-lines">
        {invoice.lines.map((line, index) => (
          <LineFields
            key={line.key}
            form={form}
            invoice={invoice}
            line={line}
            label={`Line ${index + 1} of ${title.toLowerCase()}`}
            number={index + 1}
            evaluation={evaluation?.lines.find((candidate) => candidate.lineId === line.key)}
          />
        ))}
      </ol>
      {errors[key('lines')] && <p className="field-error">{errors[key('lines')]}</p>}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          form.update(
            (s) => updateInvoice(s, invoice.key, (current) => ({ ...current, lines: [...current.lines, emptyLine()] })),
            key('lines'),
          )
        }
      >
        Add a line
      </button>
    </article>
  );
}

function LineFields({
  form,
  invoice,
  line,
  label,
  number,
  evaluation,
}: {
  form: FormApi;
  invoice: InvoiceDraft;
  line: InvoiceLineDraft;
  label: string;
  number: number;
  evaluation: InvoiceLineEvaluation | undefined;
}) {
  const { errors } = form;
  const key = (field: Parameters<typeof lineFieldKey>[1]) => lineFieldKey(line.key, field);
  const change = (
    patch: Partial<Omit<InvoiceLineDraft, 'key'>>,
    ...fields: Array<Parameters<typeof lineFieldKey>[1]>
  ) => form.update((s) => updateLine(s, invoice.key, line.key, patch), ...fields.map(key));
  return (
    <li className="invoice-line">
      <fieldset className="line-fieldset">
        <legend className="line-legend">
          <span aria-hidden="true">Line {number}</span>
          <span className="visually-hidden">{label}</span>
        </legend>
        <div className="line-remove">
          <button
            type="button"
            className="link-button"
            aria-label={`Remove ${label}`}
            onClick={() =>
              form.update((s) =>
                updateInvoice(s, invoice.key, (current) => ({
                  ...current,
                  lines: current.lines.filter((other) => other.key !== line.key),
                })),
              )
            }
          >
            Remove line
          </button>
        </div>
        <div className="line-grid">
          <TextField
            label="Description"
            name={`description-${line.key}`}
            maxLength={TEXT_LIMITS.lineDescription}
            value={line.description}
            onChange={(description) => change({ description }, 'description')}
            error={errors[key('description')]}
            className="line-description"
          />
          <TextField
            label="Brand"
            name={`brand-${line.key}`}
            maxLength={TEXT_LIMITS.brand}
            value={line.brand}
            onChange={(brand) => change({ brand }, 'brand')}
            error={errors[key('brand')]}
          />
          <TextField
            label={`Unit price (${invoice.currency})`}
            name={`unitPrice-${line.key}`}
            maxLength={TEXT_LIMITS.amount}
            inputMode="decimal"
            value={line.unitPrice}
            onChange={(unitPrice) => change({ unitPrice }, 'unitPrice')}
            error={errors[key('unitPrice')]}
            placeholder="0.00"
          />
          <div className="line-figure">
            <TextField
              label="Quantity"
              name={`quantity-${line.key}`}
              inputMode="numeric"
              value={line.quantityBlackedOut ? '' : line.quantity}
              onChange={(quantity) => change({ quantity }, 'quantity')}
              error={errors[key('quantity')]}
              disabled={line.quantityBlackedOut}
              placeholder={line.quantityBlackedOut ? 'blacked out' : ''}
            />
            <CheckboxField
              label="Blacked out"
              checked={line.quantityBlackedOut}
              disabled={line.amountBlackedOut}
              onChange={(quantityBlackedOut) => change({ quantityBlackedOut }, 'quantity', 'amount')}
            />
          </div>
          <div className="line-figure">
            <TextField
              label={`Amount (${invoice.currency})`}
              name={`amount-${line.key}`}
              maxLength={TEXT_LIMITS.amount}
              inputMode="decimal"
              value={line.amountBlackedOut ? '' : line.amount}
              onChange={(amount) => change({ amount }, 'amount')}
              error={errors[key('amount')]}
              disabled={line.amountBlackedOut}
              placeholder={line.amountBlackedOut ? 'blacked out' : '0.00'}
            />
            <CheckboxField
              label="Blacked out"
              checked={line.amountBlackedOut}
              disabled={line.quantityBlackedOut}
              onChange={(amountBlackedOut) => change({ amountBlackedOut }, 'quantity', 'amount')}
            />
          </div>
        </div>
        {(line.quantityBlackedOut || line.amountBlackedOut) && (
          <p className="line-note">
            {line.quantityBlackedOut
              ? 'The quantity is blacked out, so the line counts at its amount. The amount must stay shown: never both.'
              : 'The amount is blacked out, so the line counts at quantity × unit price. The quantity must stay shown: never both.'}
          </p>
        )}
        {evaluation && <LineVerdict evaluation={evaluation} form={form} />}
      </fieldset>
    </li>
  );
}

function InvoiceVerdict({ evaluation }: { evaluation: InvoiceEvaluation }) {
  if (evaluation.windowNote && evaluation.dateStatus !== 'INVALID_DATE') {
    return <p className="verdict verdict-fail">Does not count. {evaluation.windowNote}</p>;
  }
  if (!evaluation.hasDocument) {
    return <p className="verdict verdict-fail">Does not count until its document is uploaded.</p>;
  }
  if (evaluation.countedValueUsd.amountMinor > 0) {
    return (
      <p className="verdict verdict-pass">
        Counts {formatMoney(evaluation.countedValueUsd)} toward qualifying purchases.
      </p>
    );
  }
  return null;
}

function LineVerdict({ evaluation, form }: { evaluation: InvoiceLineEvaluation; form: FormApi }) {
  if (evaluation.counted && evaluation.valueUsd) {
    const converted = evaluation.value && evaluation.value.currency !== 'USD';
    return (
      <p className={evaluation.flagged ? 'verdict verdict-review' : 'verdict verdict-pass'}>
        Counts {formatMoney(evaluation.valueUsd)}
        {evaluation.valueSource === 'QUANTITY_TIMES_UNIT_PRICE' ? ' (quantity × unit price)' : ''}
        {converted && evaluation.value ? `, from ${formatMoney(evaluation.value)}` : ''}.
        {evaluation.flagged && evaluation.expectedAmount && evaluation.amount
          ? ` Flagged for the reviewer: quantity × unit price is ${formatMoney(evaluation.expectedAmount)}, the amount says ${formatMoney(evaluation.amount)}.`
          : ''}
      </p>
    );
  }
  const [reason] = evaluation.exclusions;
  if (!reason) return null;
  return (
    <p className="verdict verdict-muted">
      Not counted: {exclusionWords(reason, evaluation, form.policy.excludedItemMaxUnitPrice.formatted)}.
    </p>
  );
}

function exclusionWords(reason: LineExclusionReason, line: InvoiceLineEvaluation, exclusionPrice: string): string {
  switch (reason) {
    case 'INVALID_INVOICE':
      return 'the invoice has no date yet';
    case 'OUTSIDE_WINDOW':
      return 'the invoice is outside the purchase window';
    case 'NO_DOCUMENT':
      return 'the invoice document is not uploaded yet';
    case 'FULLY_REDACTED':
      return 'quantity and amount are both blacked out';
    case 'INVALID_LINE':
      return 'a figure is missing or cannot be read';
    case 'MISSING_RATE':
      return 'no exchange rate to USD is on file for the invoice date';
    case 'AT_OR_BELOW_EXCLUSION':
      // In the invoice's own currency where it is not USD: the limit there is exact (20.97 CAD at
      // 0.7150), while the unit price rounded to USD cents could read as equal to the limit.
      if (line.unitPrice && line.exclusionLimit && line.exclusionLimit.currency !== 'USD') {
        return `unit price ${formatMoney(line.unitPrice)} is at or below ${formatMoney(line.exclusionLimit)}, the ${exclusionPrice} limit at the invoice date's rate`;
      }
      return `unit price ${line.unitPriceUsd ? formatMoney(line.unitPriceUsd) : ''} is at or below ${exclusionPrice}`;
  }
}

function describeType(contentType: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  return contentType.replace(/^image\//, '').toUpperCase();
}
