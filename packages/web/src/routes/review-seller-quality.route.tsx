import { useParams } from 'react-router';
import { ReviewerQualityDashboard } from '../features/quality/reviewer-quality-dashboard';

/** Guarded in the router: reviewers and admins; any seller's dashboard. */
export function ReviewSellerQualityRoute() {
  const { id } = useParams();
  return <ReviewerQualityDashboard sellerId={id ?? ''} />;
}
