import type { ReviewInvoicesFragment, ReviewLineEvaluationFragment } from './invoices-section.generated';
import { formatDate } from '../../../ui/format';
import { criterionLabel } from '../../../ui/labels';
import { CriterionBadge } from '../status-badge';
import { amountIn, exclusionText, fileLink, rateDateText, rateText, sameRate, sharedRate } from './invoice-evidence';
import { ScrollableTable } from '../../../ui/scrollable-table';

type InvoiceEvaluation = ReviewInvoicesFragment['eligibility']['invoices'][number];
type InvoiceRecord = ReviewInvoicesFragment['invoices'][number];
interface ExclusionContext {
  excludedPrice: string | null;
  windowDays: number | null;
}

/**
 * The qualifying computation line by line, as the eligibility snapshot made it: each line's value,
 * the exchange rate and its date, the USD figures, and whether it counts (or why not). Lines whose
 * quantity x unit price disagrees with the amount are flagged for the reviewer to check.
 */
export function InvoicesSection({ application }: { application: ReviewInvoicesFragment }) {
  const { eligibility, invoices, policyVersion } = application;
  const context: ExclusionContext = {
    excludedPrice: policyVersion?.excludedItemMaxUnitPrice.formatted ?? null,
    windowDays: policyVersion?.purchaseWindowDays ?? null,
  };
  const purchases = eligibility.criteria.filter(
    (c) => c.criterion === 'QUALIFYING_PURCHASES' || c.criterion === 'APPLE_PURCHASES',
  );
  const flagged = eligibility.invoices.reduce((sum, invoice) => sum + invoice.lines.filter((l) => l.flagged).length, 0);
  return (
    <section className="card rv-review-section" aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices and qualifying purchases</h2>
      <ul className="rv-purchase-totals">
        {purchases.map((criterion) => (
          <li key={criterion.criterion}>
            <CriterionBadge status={criterion.status} /> <strong>{criterionLabel(criterion.criterion)}:</strong>{' '}
            {criterion.summary}
          </li>
        ))}
      </ul>
      {flagged > 0 && (
        <p className="alert rv-alert-warning">
          {flagged === 1 ? '1 line is' : `${flagged} lines are`} flagged: quantity × unit price differs from the line
          amount. Check {flagged === 1 ? 'it' : 'them'} against the document.
        </p>
      )}
      {eligibility.invoices.length === 0 ? (
        <p className="muted">No invoices.</p>
      ) : (
        eligibility.invoices.map((invoice) => (
          <InvoiceCard
            key={invoice.invoiceId}
            invoice={invoice}
            record={invoices.find((i) => i.id === invoice.invoiceId) ?? null}
            context={context}
          />
        ))
      )}
    </section>
  );
}

function InvoiceCard({
  invoice,
  record,
  context,
}: {
  invoice: InvoiceEvaluation;
  record: InvoiceRecord | null;
  context: ExclusionContext;
}) {
  const document = record?.document ?? null;
  const titleId = `invoice-${invoice.invoiceId}`;
  const rate = sharedRate(invoice.lines);
  // A USD invoice's values are already in USD: no second column saying the same.
  const converted = invoice.currency !== 'USD';
  return (
    <article className="rv-invoice" aria-labelledby={titleId}>
      <header className="rv-invoice-header">
        <div>
          <h3 id={titleId}>
            {invoice.supplier || 'Supplier not given'} · {invoice.invoiceNumber || 'no number'}
          </h3>
          <p className="rv-invoice-meta">
            <span>{invoice.dateStatus === 'INVALID_DATE' ? invoice.date : formatDate(invoice.date)}</span>
            <span>{invoice.currency}</span>
            {invoice.inWindow ? (
              <span className="rv-pill rv-pill-pass">In the purchase window</span>
            ) : (
              <span className="rv-pill rv-pill-fail">{invoice.windowNote ?? 'Outside the purchase window'}</span>
            )}
          </p>
          {rate && (
            <p className="rv-invoice-rate">
              Converted at <strong>{rateText(rate)}</strong>
              {rateDateText(rate) ? `, the rate ${rateDateText(rate)}` : ''}
            </p>
          )}
        </div>
        <div className="rv-invoice-document">
          {document ? (
            <DocumentLink file={document} />
          ) : (
            <span className="rv-pill rv-pill-fail">No document uploaded</span>
          )}
        </div>
      </header>
      <ScrollableTable label={`Lines of invoice ${invoice.invoiceNumber}`}>
        <table className="data-table rv-lines-table">
          <caption className="visually-hidden">
            Lines of invoice {invoice.invoiceNumber} from {invoice.supplier}
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="rv-num">
                Unit price ({invoice.currency})
              </th>
              <th scope="col" className="rv-num">
                Qty
              </th>
              <th scope="col" className="rv-num">
                Amount ({invoice.currency})
              </th>
              <th scope="col" className="rv-num">
                Value ({invoice.currency})
              </th>
              {converted && (
                <th scope="col" className="rv-num">
                  Value (USD)
                </th>
              )}
              <th scope="col" className="rv-counts">
                Counts?
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <LineRow
                key={line.lineId}
                line={line}
                currency={invoice.currency}
                converted={converted}
                context={context}
                invoiceRate={rate}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={converted ? 5 : 4}>
                Counted from this invoice
              </th>
              <td className="rv-num">
                <strong>{invoice.countedValueUsd.formatted}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollableTable>
    </article>
  );
}

function LineRow({
  line,
  currency,
  converted,
  context,
  invoiceRate,
}: {
  line: ReviewLineEvaluationFragment;
  /** The invoice's, named in the column headings. */
  currency: string;
  converted: boolean;
  context: ExclusionContext;
  /** Said above the table; a line converted at another rate says its own. */
  invoiceRate: ReviewLineEvaluationFragment['rate'];
}) {
  const ownRate = line.rate?.rate && !sameRate(line.rate, invoiceRate) ? line.rate : null;
  const classes = ['line', line.flagged ? 'rv-line-flagged' : '', line.counted ? '' : 'rv-line-excluded']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes}>
      <th scope="row">
        {line.description || <span className="rv-missing">No description</span>}
        <span className="rv-line-brand">
          {line.brand}
          {line.appleBrand && <span className="rv-pill rv-pill-apple">Apple</span>}
        </span>
      </th>
      <td className="rv-num">
        {amountIn(line.unitPrice, currency) ?? <BlackedOut />}
        {line.unitPriceUsd && line.rate?.rate && <span className="rv-cell-note">= {line.unitPriceUsd.formatted}</span>}
      </td>
      <td className="rv-num">{line.quantity ?? <BlackedOut />}</td>
      <td className="rv-num">
        {amountIn(line.amount, currency) ?? <BlackedOut />}
        {line.flagged && (
          <span className="rv-line-flag">
            <span aria-hidden="true">⚠ </span>Flagged: qty × unit price is {line.expectedAmount?.formatted ?? '?'}
          </span>
        )}
      </td>
      <td className="rv-num">
        {amountIn(line.value, currency) ?? '—'}
        {line.valueSource === 'QUANTITY_TIMES_UNIT_PRICE' && <span className="rv-cell-note">qty × unit price</span>}
      </td>
      {converted && (
        <td className="rv-num">
          {amountIn(line.valueUsd, 'USD') ?? '—'}
          {ownRate && (
            <span className="rv-cell-note">
              at {rateText(ownRate)}, {rateDateText(ownRate)}
            </span>
          )}
        </td>
      )}
      <td>
        {line.counted ? (
          <span className="rv-pill rv-pill-pass">Counted</span>
        ) : (
          <ul className="rv-exclusions">
            {line.exclusions.map((reason) => (
              <li key={reason} className="rv-pill rv-pill-fail">
                {exclusionText(reason, context)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function BlackedOut() {
  return <span className="rv-blacked-out">blacked out</span>;
}

function DocumentLink({ file }: { file: { url: string; contentType: string; originalName: string } }) {
  const { href, download } = fileLink(file);
  return (
    <a
      className="button button-secondary button-small"
      href={href}
      target={download ? undefined : '_blank'}
      rel="noopener"
    >
      {download ? 'Download the invoice' : 'Open the invoice'}
      <span className="visually-hidden"> {file.originalName}</span>
    </a>
  );
}
