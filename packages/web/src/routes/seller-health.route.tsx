import { SellerHealthPage } from '../features/seller-health/seller-health-page';

/** Guarded in the router: reviewers and admins. */
export function SellerHealthRoute() {
  return <SellerHealthPage />;
}
