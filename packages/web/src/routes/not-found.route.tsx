import { Link } from 'react-router';
import { EmptyState } from '../ui/states';

export function NotFoundRoute() {
  return (
    <EmptyState title="Page not found">
      There is nothing at this address. Go to the <Link to="/program-rules">program rules</Link>.
    </EmptyState>
  );
}
