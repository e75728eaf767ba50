import { InvalidateComplaintButton } from './invalidate-complaint-button';
import { QualityDashboardPage } from './quality-dashboard-page';

/** The same dashboard for program staff, for any seller, with complaint invalidation in the drill-down. */
export function ReviewerQualityDashboard({ sellerId }: { sellerId: string }) {
  return (
    <QualityDashboardPage
      sellerId={sellerId}
      complaintAction={(complaint, done) => (
        <InvalidateComplaintButton complaintId={complaint.id} label={complaint.externalId} onDone={done} />
      )}
    />
  );
}
