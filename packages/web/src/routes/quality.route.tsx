import { QualityDashboardPage } from '../features/quality/quality-dashboard-page';

/** Guarded in the router: sellers. The server refuses sellers not approved in the marketplace (NOT_APPROVED). */
export function QualityRoute() {
  return <QualityDashboardPage sellerId={null} />;
}
