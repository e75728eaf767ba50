import { MARKETPLACES, type CloseReason } from '@recertify/domain';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { formatDate, formatDateIn, formatDateTime } from '../../../ui/format';
import { AUTHORIZATION_MODE_NAMES, CLOSE_REASON_NAMES, RETURN_REASON_NAMES } from '../../../ui/labels';
import { Page } from '../../../ui/page';
import { PolicyBadge, ReturnStateBadge } from '../return-badges';
import { returnsQueuePathFrom } from '../returns-paths';
import { formatAddress } from './address-text';
import { AuthorizePanel } from './authorize-panel';
import type { AuthorizeChoice } from './authorize-form';
import { ClosePanel } from './close-panel';
import { MessageThread } from './message-thread';
import type { ReturnAddressFields, ReturnDetail } from './return-detail-types';
import { returnTimeline } from './timeline';

export interface ReturnDownloads {
  /** Where the label PDF and the packing slip are downloaded; null while there is none. */
  readonly label: string | null;
  readonly packingSlip: string | null;
}

interface Props {
  detail: ReturnDetail;
  addresses: readonly ReturnAddressFields[];
  downloads: ReturnDownloads;
  /** The actions; each form is shown only when its action is given and the return's state allows it. */
  onAuthorize?: ((choice: AuthorizeChoice) => Promise<unknown>) | undefined;
  onReply?: ((body: string) => Promise<unknown>) | undefined;
  onClose?: ((reason: CloseReason, note: string | null) => Promise<unknown>) | undefined;
}

/** Everything about one return and what can be done with it now. */
export function ReturnView({ detail, addresses, downloads, onAuthorize, onReply, onClose }: Props) {
  const linkState: unknown = useLocation().state;
  const timeZone = MARKETPLACES[detail.marketplace].timeZone;
  const authorize = detail.allowedEvents.includes('AUTHORIZE') ? onAuthorize : undefined;
  const close = detail.allowedEvents.includes('CLOSE') ? onClose : undefined;
  const reply = detail.state !== 'CLOSED' && detail.state !== 'REFUNDED' ? onReply : undefined;
  return (
    <Page
      titleId="return-title"
      as="article"
      className="rt-return-page"
      above={
        <p className="rt-breadcrumb">
          <Link to={returnsQueuePathFrom(linkState)}>← Returns</Link>
        </p>
      }
      title={`Return of order ${detail.orderExternalId}`}
      below={
        <dl className="summary-list rt-facts">
          <Fact term="State">
            <ReturnStateBadge state={detail.state} />
          </Fact>
          <Fact term="Marketplace">{MARKETPLACES[detail.marketplace].name}</Fact>
          <Fact term="Requested">{formatDateIn(detail.requestedAt, timeZone)}</Fact>
          <Fact term="RMA">{detail.rma ?? <span className="muted">Not authorized yet</span>}</Fact>
          <Fact term="Deadline">
            {detail.deadline ? formatDate(detail.deadline) : <span className="muted">—</span>}
          </Fact>
          {detail.closeReason && <Fact term="Closed as">{CLOSE_REASON_NAMES[detail.closeReason]}</Fact>}
        </dl>
      }
    >
      <div className="rt-columns">
        <div className="rt-return-main">
          <section className="card rt-section" aria-labelledby="rt-request-title">
            <h2 id="rt-request-title">Request</h2>
            <p>
              <strong>Reason:</strong> {RETURN_REASON_NAMES[detail.reason]}
            </p>
            {detail.buyerComment ? (
              <blockquote className="rt-comment">
                <p>{detail.buyerComment}</p>
                {detail.buyerName && <footer>{detail.buyerName}</footer>}
              </blockquote>
            ) : (
              <p className="muted">The buyer left no comment.</p>
            )}
            <table className="data-table">
              <caption className="visually-hidden">Items returned</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Category</th>
                  <th scope="col">Quantity</th>
                </tr>
              </thead>
              <tbody>
                {detail.items.map((item) => (
                  <tr key={item.sku}>
                    <td>{item.title ?? <span className="muted">Untitled</span>}</td>
                    <td>{item.sku}</td>
                    <td>{item.categoryName ?? <span className="muted">—</span>}</td>
                    <td>{item.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section
            className={`card rt-section ${detail.inPolicy ? 'rt-verdict-in' : 'rt-verdict-out'}`}
            aria-labelledby="rt-policy-title"
          >
            <h2 id="rt-policy-title">Return policy</h2>
            <p>
              <PolicyBadge inPolicy={detail.inPolicy} /> {detail.policyExplanation}
            </p>
            <p className="muted">
              Window: {detail.returnWindowDays} days after delivery
              {detail.lastDayToRequest && `, last day to ask ${formatDate(detail.lastDayToRequest)}`}.
            </p>
            <p>
              <strong>{AUTHORIZATION_MODE_NAMES[detail.authorizationMode]}:</strong> {detail.authorizationExplanation}
            </p>
          </section>
          <MessageThread messages={detail.messages} buyerName={detail.buyerName} onReply={reply ?? null} />
        </div>
        <div className="rt-return-side">
          {authorize ? (
            <AuthorizePanel addresses={addresses} onAuthorize={authorize} />
          ) : (
            detail.rma && (
              <section className="card rt-section" aria-labelledby="rt-authorization-title">
                <h2 id="rt-authorization-title">Authorization</h2>
                <p>
                  RMA <strong>{detail.rma}</strong> {detail.rmaGenerated ? '(generated)' : '(your own)'}
                  {detail.authorizedAt && `, authorized ${formatDateTime(detail.authorizedAt)}`}.
                </p>
                {detail.returnAddress && <p>Sent back to: {formatAddress(detail.returnAddress)}</p>}
                {(downloads.label || downloads.packingSlip) && (
                  <div className="rt-downloads">
                    {downloads.label && (
                      <a className="button button-secondary" href={downloads.label} download>
                        Download the return label (PDF)
                      </a>
                    )}
                    {downloads.packingSlip && (
                      <a className="button button-secondary" href={downloads.packingSlip} download>
                        Download the packing slip (PDF)
                      </a>
                    )}
                  </div>
                )}
              </section>
            )
          )}
          <section className="card rt-section" aria-labelledby="rt-timeline-title">
            <h2 id="rt-timeline-title">Timeline</h2>
            <ol className="rt-timeline">
              {returnTimeline(detail).map((entry, index) => (
                <li key={`${entry.at}-${index}`}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {entry.text}
                </li>
              ))}
            </ol>
          </section>
          {close && <ClosePanel state={detail.state} onClose={close} />}
        </div>
      </div>
    </Page>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
