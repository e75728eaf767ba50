import type { ComponentType } from 'react';

/**
 * A page loaded on first visit, in its own chunk: the entry holds only the shell, the router and
 * Apollo, so a visitor to /sign-in does not download the review and application pages. The router
 * waits for the chunk before it changes page (`useNavigation().state === 'loading'` meanwhile).
 */
export function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}
