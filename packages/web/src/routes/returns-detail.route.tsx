import { useParams } from 'react-router';
import { ReturnPage } from '../features/returns/return-page/return-page';

/** Guarded in the router: sellers. A new id is a new page, with fresh form state. */
export function ReturnsDetailRoute() {
  const { id = '' } = useParams();
  return <ReturnPage key={id} id={id} />;
}
