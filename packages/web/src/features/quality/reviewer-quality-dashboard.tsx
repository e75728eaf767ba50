import { QualityDashboardPage } from './quality-dashboard-page';

/** The same dashboard for program staff, for any seller. */
export function ReviewerQualityDashboard({ sellerId }: { sellerId: string }) {
  return <QualityDashboardPage sellerId={sellerId} />;
}
