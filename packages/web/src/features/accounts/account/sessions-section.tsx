import { useSignOutEverywhere } from '../viewer/session';

/** Ends every session of the account: for a lost laptop, or a shared computer left signed in. */
export function SessionsSection() {
  const { signOutEverywhere, busy, error } = useSignOutEverywhere();
  return (
    <section className="card account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p className="muted">
        Signed in somewhere you no longer use? Sign out everywhere ends every session of your account, this one too. API
        keys keep working; revoke them separately.
      </p>
      {error && (
        <p className="alert alert-error" role="alert">
          Could not sign out everywhere: {error}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => void signOutEverywhere()}
      >
        {busy ? 'Signing out everywhere…' : 'Sign out everywhere'}
      </button>
    </section>
  );
}
