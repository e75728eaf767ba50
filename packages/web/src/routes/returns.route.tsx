import { ReturnsQueuePage } from '../features/returns/queue/returns-queue-page';

/** Guarded in the router: sellers. */
export function ReturnsRoute() {
  return <ReturnsQueuePage />;
}
