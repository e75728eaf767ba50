import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS } from '@recertify/domain';
import type { QualityDashboardFieldsFragment } from './quality-dashboard.generated';

const label = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;

function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: ReadonlyArray<{ readonly key: string; readonly label: string; readonly count: number }>;
}) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const most = Math.max(1, ...rows.map((row) => row.count));
  return (
    <table className="data-table q-breakdown">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
          <th scope="col">Complaints</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <span className="q-bar" style={{ width: `${(row.count / most) * 6}rem` }} aria-hidden="true" />
              {row.count.toLocaleString('en-US')}
            </td>
            <td>{total === 0 ? '—' : `${Math.round((row.count / total) * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The window's valid complaints by source and by category: numbers first, a bar beside each. */
export function ComplaintBreakdown({ dashboard }: { dashboard: QualityDashboardFieldsFragment }) {
  const bySource = dashboard.complaintsBySource.map((row) => ({
    key: row.source,
    label: label(COMPLAINT_SOURCE_LABELS, row.source),
    count: row.count,
  }));
  const byCategory = dashboard.complaintsByCategory.map((row) => ({
    key: row.category,
    label: label(COMPLAINT_CATEGORY_LABELS, row.category),
    count: row.count,
  }));
  return (
    <section className="card q-complaints" aria-labelledby="q-complaints-title">
      <h2 id="q-complaints-title">Complaints in the window</h2>
      <div className="q-breakdowns">
        <Breakdown title="By source" rows={bySource} />
        <Breakdown title="By category" rows={byCategory} />
      </div>
    </section>
  );
}
