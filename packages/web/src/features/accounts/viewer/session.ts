import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useSignOutEverywhereMutation, useSignOutMutation } from './viewer.generated';
import { describeError } from '../../../ui/graphql-errors';

/**
 * Ending a session loads the app afresh rather than navigating inside it: nothing of the person
 * who left (cached lists, a key secret still in a component's state) survives in memory, and every
 * query starts from the new, anonymous viewer.
 */
export function leaveApp(path: string): void {
  window.location.assign(path);
}

/** After sign-in or sign-up: forget everything cached as anonymous and refetch the active queries (the viewer). */
export function useStartSession(): () => Promise<unknown> {
  const client = useApolloClient();
  return () => client.resetStore();
}

/** Sign out this browser, then reload on the sign-in page. */
export function useSignOut() {
  const [signOut, { loading }] = useSignOutMutation();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      await signOut();
      setLeaving(true); // until the new page replaces this one
      leaveApp('/sign-in?signedOut=here');
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return { signOut: run, busy: loading || leaving, error };
}

/** End every session of the account, this one included, then reload on the sign-in page. */
export function useSignOutEverywhere() {
  const [signOutEverywhere, { loading }] = useSignOutEverywhereMutation();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      await signOutEverywhere();
      setLeaving(true);
      leaveApp('/sign-in?signedOut=everywhere');
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return { signOutEverywhere: run, busy: loading || leaving, error };
}
