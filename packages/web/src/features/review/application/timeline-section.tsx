import type { ReviewTimelineFragment } from './timeline-section.generated';
import { formatDateTime } from '../../../ui/format';
import { auditActionLabel } from '../../../ui/labels';

/** The audit trail: who did what and when, oldest first, as the append-only log records it. */
export function TimelineSection({ application }: { application: ReviewTimelineFragment }) {
  return (
    <section className="card rv-review-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Audit trail</h2>
      {application.timeline.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="rv-timeline">
          {application.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`} className="rv-timeline-entry">
              <p className="rv-timeline-what">
                <strong>{auditActionLabel(entry.action)}</strong>
                {entry.actor && <span className="muted"> by {entry.actor}</span>}
              </p>
              <p className="rv-timeline-when muted small">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </p>
              {entry.message && <blockquote className="rv-timeline-message">{entry.message}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
