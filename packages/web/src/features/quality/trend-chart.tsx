import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId, useState } from 'react';
import { formatDate } from '../../ui/format';
import { percentOrDash } from './quality-format';

/** One day of a trend: the figure as of that day (null without orders) and the threshold in force. */
export interface TrendPoint {
  readonly date: string;
  readonly valueBps: number | null;
  readonly thresholdBps: number;
  /** Orders in the window that day, for the table. */
  readonly orders: number;
}

export interface TrendChartProps {
  /** "Seller RQS", "Order defect rate". */
  readonly title: string;
  readonly points: readonly TrendPoint[];
  /** A minimum (RQS: at or above is fine) or a maximum (ODR: at or below is fine). */
  readonly threshold: 'minimum' | 'maximum';
}

// Drawn in a fixed coordinate space and scaled by CSS: no measuring, the same in jsdom and browsers.
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 96, bottom: 36, left: 64 };
const INNER_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const INNER_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/**
 * A daily figure over time against its threshold. Readable without colour: the figure is a solid
 * line with round markers, the threshold a dashed line labelled with its value, and the summary
 * names both. A table of every day is the alternative for screen readers (always in the page) and
 * for anyone who prefers numbers (shown on request).
 */
export function TrendChart({ title, points, threshold }: TrendChartProps) {
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  const withValues = points.filter((p): p is TrendPoint & { valueBps: number } => p.valueBps !== null);
  const domain = yDomain(points, threshold);
  const x = scalePoint<string>({ domain: points.map((p) => p.date), range: [0, INNER_WIDTH] });
  const y = scaleLinear<number>({ domain, range: [INNER_HEIGHT, 0], nice: true });
  const xOf = (p: TrendPoint) => x(p.date) ?? 0;
  const last = points.at(-1);
  const every = Math.max(1, Math.ceil(points.length / 6));
  const summary = summaryOf(title, points, threshold);

  return (
    <figure className="q-trend" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="q-trend-title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} className="q-trend-summary">
        {summary}
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="q-trend-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        data-testid="trend-chart"
      >
        <Group left={MARGIN.left} top={MARGIN.top}>
          <AxisLeft
            scale={y}
            numTicks={5}
            tickFormat={(value) => percentOrDash(Number(value))}
            tickLabelProps={{ fontSize: 11, textAnchor: 'end', dx: -4, dy: 3 }}
            stroke="currentColor"
            tickStroke="currentColor"
          />
          <AxisBottom
            top={INNER_HEIGHT}
            scale={x}
            tickValues={points.filter((_, i) => i % every === 0).map((p) => p.date)}
            tickFormat={(date) => formatDate(date).replace(/ \d{4}$/, '')}
            tickLabelProps={{ fontSize: 11, textAnchor: 'middle' }}
            stroke="currentColor"
            tickStroke="currentColor"
          />
          {/* The threshold: dashed, thinner, labelled at its right end. */}
          <LinePath
            data={[...points]}
            x={xOf}
            y={(p) => y(p.thresholdBps)}
            className="q-trend-threshold"
            strokeWidth={1.5}
            strokeDasharray="6 4"
            data-testid="threshold-line"
          />
          {last && (
            <text x={INNER_WIDTH + 6} y={y(last.thresholdBps)} dy={4} fontSize={11} className="q-trend-threshold-label">
              {threshold === 'minimum' ? 'Min' : 'Max'} {percentOrDash(last.thresholdBps)}
            </text>
          )}
          {/* The figure: solid, with a marker on every day that has orders; gaps where none. */}
          <LinePath
            data={[...points]}
            x={xOf}
            y={(p) => y(p.valueBps ?? domain[0])}
            defined={(p) => p.valueBps !== null}
            className="q-trend-line"
            strokeWidth={2}
          />
          {withValues.map((p) => (
            <circle
              key={p.date}
              className={breaches(p, threshold) ? 'q-trend-point q-trend-point-breach' : 'q-trend-point'}
              cx={xOf(p)}
              cy={y(p.valueBps)}
              r={breaches(p, threshold) ? 3.5 : 2.5}
              data-testid="trend-point"
            />
          ))}
        </Group>
      </svg>
      <button
        type="button"
        className="link-button q-trend-toggle"
        aria-expanded={tableShown}
        aria-controls={`${id}-table`}
        onClick={() => setTableShown((shown) => !shown)}
      >
        {tableShown ? 'Hide the table' : 'Show as a table'}
      </button>
      <div id={`${id}-table`} className={tableShown ? 'q-trend-table' : 'visually-hidden'}>
        <table className="data-table">
          <caption>{title}, day by day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">{title}</th>
              <th scope="col">{threshold === 'minimum' ? 'Minimum' : 'Maximum'}</th>
              <th scope="col">Orders in the window</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatDate(p.date)}</th>
                <td>
                  {percentOrDash(p.valueBps)}
                  {breaches(p, threshold) ? ' (misses)' : ''}
                </td>
                <td>{percentOrDash(p.thresholdBps)}</td>
                <td>{p.orders.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A rounded display value is enough here: the cards state pass/fail exactly, this only marks points. */
function breaches(point: TrendPoint, threshold: 'minimum' | 'maximum'): boolean {
  if (point.valueBps === null) return false;
  return threshold === 'minimum' ? point.valueBps < point.thresholdBps : point.valueBps > point.thresholdBps;
}

/** The y range: the threshold and every value in view, with room around them. */
export function yDomain(points: readonly TrendPoint[], threshold: 'minimum' | 'maximum'): [number, number] {
  const values = points.flatMap((p) => (p.valueBps === null ? [p.thresholdBps] : [p.valueBps, p.thresholdBps]));
  if (values.length === 0) return threshold === 'minimum' ? [9_000, 10_000] : [0, 200];
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (threshold === 'minimum') {
    const pad = Math.max(50, Math.round((10_000 - low) / 4));
    return [Math.max(0, low - pad), 10_000];
  }
  return [0, Math.min(10_000, Math.max(high + Math.max(20, Math.round(high / 4)), 1))];
}

/** One sentence for the chart: where the figure stands now and against what. */
export function summaryOf(title: string, points: readonly TrendPoint[], threshold: 'minimum' | 'maximum'): string {
  const withValues = points.filter((p) => p.valueBps !== null);
  const first = withValues[0];
  const last = withValues.at(-1);
  const limit = points.at(-1)?.thresholdBps;
  const bound = `${threshold === 'minimum' ? 'minimum' : 'maximum'} ${percentOrDash(limit)}`;
  if (!first || !last) return `${title}: no orders in the last ${points.length} days; ${bound}.`;
  const missed = points.filter((p) => breaches(p, threshold)).length;
  return (
    `${title} went from ${percentOrDash(first.valueBps)} on ${formatDate(first.date)} to ${percentOrDash(last.valueBps)} on ${formatDate(last.date)}; ${bound}. ` +
    (missed === 0
      ? 'It met the threshold every day.'
      : `It missed the threshold on ${missed} of ${points.length} days.`)
  );
}
