/**
 * The program's abbreviations, spelled out where they first appear on a page: an <abbr> gives
 * the full name on hover and to screen readers, and the glossary on the program rules page says
 * what each measures.
 */
export const TERMS = {
  RQS: {
    name: 'Renewed Quality Score',
    definition:
      'The share of orders with no reported defect (a complaint about a product not working, damaged, incomplete or wrong), over a trailing window. Offer RQS is per offer; seller RQS covers the whole seller account.',
  },
  ODR: {
    name: 'order defect rate',
    definition:
      'The share of orders with at least one order defect (negative feedback, an A-to-z claim or a chargeback) over the trailing 90 days.',
  },
} as const;

export type Term = keyof typeof TERMS;

/** "RQS", with its full name for those who hover or listen. */
export function Abbr({ term }: { term: Term }) {
  return <abbr title={TERMS[term].name}>{term}</abbr>;
}

/** What RQS and ODR mean, where a person first meets them. */
export function TermsGlossary() {
  return (
    <dl className="glossary">
      {(Object.keys(TERMS) as Term[]).map((term) => (
        <div key={term}>
          <dt>
            <Abbr term={term} /> ({TERMS[term].name})
          </dt>
          <dd>{TERMS[term].definition}</dd>
        </div>
      ))}
    </dl>
  );
}
