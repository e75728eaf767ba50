import type { QualityDashboardFieldsFragment } from './quality-dashboard.generated';
import { budgetSentence, FIGURE_STANDING_LABELS, standingOf, type FigureStanding } from './quality-format';

/** What a card opens in the drill-down: the orders behind RQS or ODR. */
export type FigureKey = 'RQS' | 'ODR';

const STANDING_MARK: Readonly<Record<FigureStanding, string>> = { MEETS: '✓', BREACHED: '✗', NOT_ENFORCED: '–' };

function Standing({ figure }: { figure: { enforced: boolean; breached: boolean } }) {
  const standing = standingOf(figure);
  // A mark and words, not only a colour.
  return (
    <p className={`q-standing q-standing-${standing.toLowerCase()}`}>
      <span aria-hidden="true">{STANDING_MARK[standing]} </span>
      {FIGURE_STANDING_LABELS[standing]}
    </p>
  );
}

/** Seller RQS, ODR and rating against their thresholds, each with its counts and defect budget. */
export function FigureCards({
  dashboard,
  onDrillDown,
}: {
  dashboard: QualityDashboardFieldsFragment;
  onDrillDown: (figure: FigureKey) => void;
}) {
  const { rqs, odr, rating } = dashboard;
  return (
    <div className="q-cards">
      <section className="card q-card" aria-labelledby="q-card-rqs" data-testid="figure-rqs">
        <h2 id="q-card-rqs">Return quality score (RQS)</h2>
        <p className="q-figure">{rqs.value?.formatted ?? '—'}</p>
        <p className="muted">
          Minimum {rqs.minimum.formatted} · {rqs.defectiveOrders.toLocaleString('en-US')} of{' '}
          {rqs.orders.toLocaleString('en-US')} orders with a complaint
        </p>
        <Standing figure={rqs} />
        <p className="q-budget" data-testid="defect-budget-rqs">
          {budgetSentence({ ...rqs, thresholdBps: rqs.minimum.basisPoints })}
        </p>
        <button type="button" className="link-button" onClick={() => onDrillDown('RQS')}>
          See the orders and complaints behind RQS
        </button>
      </section>
      <section className="card q-card" aria-labelledby="q-card-odr" data-testid="figure-odr">
        <h2 id="q-card-odr">Order defect rate (ODR)</h2>
        <p className="q-figure">{odr.value?.formatted ?? '—'}</p>
        <p className="muted">
          Maximum {odr.maximum.formatted} · {odr.defectiveOrders.toLocaleString('en-US')} of{' '}
          {odr.orders.toLocaleString('en-US')} orders with a defect
        </p>
        <Standing figure={odr} />
        <p className="q-budget" data-testid="defect-budget-odr">
          {budgetSentence({ ...odr, thresholdBps: odr.maximum.basisPoints })}
        </p>
        <button type="button" className="link-button" onClick={() => onDrillDown('ODR')}>
          See the orders behind ODR
        </button>
      </section>
      <section className="card q-card" aria-labelledby="q-card-rating" data-testid="figure-rating">
        <h2 id="q-card-rating">Average product rating</h2>
        <p className="q-figure">{rating.average ? `${rating.average.formatted} ★` : '—'}</p>
        <p className="muted">
          Minimum {rating.minimum.formatted} · {rating.ratings.toLocaleString('en-US')}{' '}
          {rating.ratings === 1 ? 'rating' : 'ratings'}
        </p>
        <Standing figure={rating} />
      </section>
    </div>
  );
}
