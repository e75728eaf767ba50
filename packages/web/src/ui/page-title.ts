import { useEffect } from 'react';

/** Names the browser tab after the page, as a full page load would: screen readers announce it too. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Recertify`;
  }, [title]);
}
