import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useViewerQuery } from './viewer.generated';
import { describeError } from '../../../ui/graphql-errors';
import { viewerStateOf, type SignedInViewer, type ViewerState } from './viewer-state';

const ViewerContext = createContext<ViewerState | null>(null);

/**
 * Runs the one `Viewer` query of the app and shares its answer: the shell, the navigation and the
 * route guards all read it from here. Signing in resets the Apollo store, which refetches it.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useViewerQuery({ notifyOnNetworkStatusChange: true });
  const state = useMemo<ViewerState>(() => {
    if (data) return viewerStateOf(data.viewer);
    if (error) return { status: 'failed', message: describeError(error), retry: () => void refetch() };
    return { status: 'loading' };
  }, [data, error, refetch]);
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer() is used outside <ViewerProvider>.');
  return state;
}

/** The signed-in person, for components that only render under <RequireRole>. */
export function useSignedInViewer(): SignedInViewer {
  const state = useViewer();
  if (state.status !== 'signed-in') throw new Error('useSignedInViewer() is used outside <RequireRole>.');
  return state;
}
