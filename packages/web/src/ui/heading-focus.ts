import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app, focus moves to the new page's main heading (its h1), as a
 * full page load would start a screen reader there: the person hears where they arrived, and the
 * next Tab starts from the page, not from the link they followed. A page whose heading comes
 * after its data (a guard checking who is signed in, say) gets focus when the heading appears.
 * The first load leaves focus where the browser puts it; a change of query string only (a step of
 * a form, a filter) is not a new page, and the page handles its own focus.
 */
export function useFocusHeadingOnNavigation(container: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = container.current;
    if (!root) return;
    if (focusHeading(root)) return;
    const observer = new MutationObserver(() => {
      if (focusHeading(root)) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname, container]);
}

function focusHeading(root: HTMLElement): boolean {
  const heading = root.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  // Headings are focusable only from script: never a Tab stop.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}
