import { isRouteErrorResponse, useNavigation, useRouteError } from 'react-router';
import { usePageTitle } from '../ui/page-title';
import { LoadingState } from '../ui/states';
import './route-loading.css';

/** Fills `<main>` while the first page's code loads; the shell around it is already in place. */
export function FirstPageLoading() {
  return (
    <div className="route-loading">
      <LoadingState label="Loading page…" />
    </div>
  );
}

/**
 * While an in-app navigation waits for the next page's code, the current page stays (no blank
 * flash, nothing moves): a bar at the top of the window shows it after a short delay, and a live
 * region that is always in the document tells screen readers.
 */
export function NavigationProgress() {
  const pending = useNavigation().state === 'loading';
  return (
    <>
      {pending && <div className="route-progress" aria-hidden="true" />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {pending ? 'Loading page…' : ''}
      </p>
    </>
  );
}

/** A page whose code could not be loaded (the network, or a deploy that replaced its chunk). */
export function RouteLoadError() {
  const error = useRouteError();
  usePageTitle('Page not loaded');
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <section className="state state-error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">This page could not be loaded</h1>
      <p>
        The connection may have dropped, or a new version of Recertify was published since this tab was opened.
        Reloading fetches the current version.
      </p>
      {detail && <p className="route-error-detail">{detail}</p>}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </section>
  );
}
