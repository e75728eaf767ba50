import { ReviewQueuePage } from '../features/review/queue/review-queue-page';

/** Guarded in the router: reviewers and admins. */
export function ReviewQueueRoute() {
  return <ReviewQueuePage />;
}
