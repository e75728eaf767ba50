import { useParams } from 'react-router';
import { ReviewPage } from '../features/review/application/review-page';

/** Guarded in the router: reviewers and admins. A new id is a new page, with fresh form state. */
export function ReviewApplicationRoute() {
  const { id = '' } = useParams();
  return <ReviewPage key={id} id={id} />;
}
