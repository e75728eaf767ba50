import { Link } from 'react-router';
import { usePageTitle } from '../ui/page-title';

/** Any address the app does not know: a page of its own, with its main heading like every page. */
export function NotFoundRoute() {
  usePageTitle('Page not found');
  return (
    <section className="page state state-empty" aria-labelledby="not-found-title">
      <h1 tabIndex={-1} id="not-found-title">
        Page not found
      </h1>
      <p>
        There is nothing at this address. Go to the <Link to="/program-rules">program rules</Link>.
      </p>
    </section>
  );
}
