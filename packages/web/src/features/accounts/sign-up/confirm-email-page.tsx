import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useConfirmEmailMutation } from './sign-up.generated';
import { FormAlert, SubmitButton } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { HOME_BY_ROLE } from '../sign-in/next-path';
import { useStartSession } from '../viewer/session';
import { useViewer } from '../viewer/viewer-context';

/**
 * The page the sign-up email's link opens (/confirm-email?token=...). Confirming waits for a click:
 * the link works once, and mail scanners that open links must not use it up.
 */
export function ConfirmEmailPage() {
  usePageTitle('Confirm your email');
  const viewer = useViewer();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirmEmail] = useConfirmEmailMutation();
  const startSession = useStartSession();

  if (viewer.status === 'signed-in') return <Navigate to={HOME_BY_ROLE[viewer.role]} replace />;

  const confirm = async () => {
    if (!token) return;
    setProblem(null);
    setSubmitting(true);
    try {
      await confirmEmail({ variables: { token } });
      await startSession(); // the viewer is now the new seller: the redirect above takes over
    } catch (error) {
      setProblem(formProblemOf(error, {}));
      setSubmitting(false);
    }
  };

  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="confirm-title">
        <h1 tabIndex={-1} id="confirm-title">
          Confirm your email
        </h1>
        {token ? (
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void confirm();
            }}
          >
            <FormAlert problem={problem}>
              {problem?.code === 'INVALID_TOKEN' && (
                <p>
                  <Link to="/sign-in">Sign in</Link> or <Link to="/forgot-password">reset your password</Link>
                </p>
              )}
            </FormAlert>
            <p className="muted">One click and your seller account is ready: you are signed in.</p>
            <SubmitButton busy={submitting} label="Confirm and sign in" busyLabel="Confirming…" />
          </form>
        ) : (
          <p className="notice">
            This page needs the link from your sign-up email. Open the link as it is, or{' '}
            <Link to="/sign-up">sign up</Link> again.
          </p>
        )}
      </section>
    </div>
  );
}
