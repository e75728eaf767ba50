import { MARKETPLACES } from '@recertify/domain';
import type { ReactNode } from 'react';
import type { ReviewBusinessFragment } from './business-section.generated';
import { SELLER_TYPE_NAMES } from '../../../ui/labels';

/** Business details, who refurbishes (with the inspection attestation), and what the seller will sell. */
export function BusinessSection({ application: a }: { application: ReviewBusinessFragment }) {
  return (
    <section className="card rv-review-section" aria-labelledby="business-title">
      <h2 id="business-title">Business and refurbishment</h2>
      <dl className="summary-list">
        <Fact term="Legal name">{a.legalName || <Missing />}</Fact>
        <Fact term="Contact">
          {a.contactName || <Missing />}
          {a.contactEmail && (
            <>
              <br />
              <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
            </>
          )}
        </Fact>
        <Fact term="Seller type">{a.sellerType ? SELLER_TYPE_NAMES[a.sellerType] : <Missing />}</Fact>
        <Fact term={`Sells on ${MARKETPLACES[a.marketplace].name} already`}>
          {a.existingSeller ? 'Yes, an existing seller' : 'No, a new seller'}
        </Fact>
        <Fact term="Refurbished by">
          {a.refurbisher === 'THIRD_PARTY_REFURBISHER' ? (
            `Third-party refurbisher: ${a.refurbisherName ?? 'name not given'}`
          ) : a.refurbisher === 'MANUFACTURER' ? (
            'The manufacturer'
          ) : (
            <Missing />
          )}
        </Fact>
      </dl>
      <Attestation given={a.inspectionAttested}>
        Every unit is inspected, cleaned, repaired where needed, and tested to work and look like new.
      </Attestation>
      <div className="rv-tag-rows">
        <TagRow title="Categories" values={a.categories} />
        <TagRow title="Brands" values={a.brands} />
      </div>
    </section>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Missing() {
  return <span className="rv-missing">Not given</span>;
}

/** A statement the seller attests (or not), said in full so the reviewer reads what was agreed. */
export function Attestation({ given, children }: { given: boolean; children: ReactNode }) {
  return (
    <p className={given ? 'rv-attestation rv-attestation-given' : 'rv-attestation rv-attestation-missing'}>
      <span className="rv-attestation-mark" aria-hidden="true">
        {given ? '✓' : '✗'}
      </span>
      <span>
        <strong>{given ? 'Attested: ' : 'Not attested: '}</strong>
        {children}
      </span>
    </p>
  );
}

function TagRow({ title, values }: { title: string; values: readonly string[] }) {
  return (
    <div className="rv-tag-row">
      <h3>{title}</h3>
      {values.length === 0 ? (
        <Missing />
      ) : (
        <ul className="rv-tags">
          {values.map((value) => (
            <li key={value} className="rv-tag">
              {value}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
