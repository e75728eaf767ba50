import { SellerApplicationPage } from '../features/applications/application-page/seller-application-page';

/** Guarded in the router: sellers only; the server answers NOT_FOUND for another seller's application. */
export function ApplicationRoute() {
  return <SellerApplicationPage />;
}
