import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordResetMutation } from './password-reset.generated';
import { Form, FormAlert, SubmitButton, TextField } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';

const LABELS = { email: 'Email' };

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so the
 * page cannot be used to find out who has one.
 */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [requestPasswordReset, { loading }] = useRequestPasswordResetMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await requestPasswordReset({ variables: { email } });
      setSentTo(email.trim());
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
    }
  };

  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="forgot-title">
        <h1 tabIndex={-1} id="forgot-title">
          Forgot your password?
        </h1>
        {sentTo ? (
          <div className="alert alert-success" role="status">
            <p>
              <strong>If an account exists, we sent a link</strong> to {sentTo} to choose a new password. It works once
              and expires soon.
            </p>
            <p>
              Nothing arrived? Check the spam folder, or{' '}
              <button type="button" className="link-button" onClick={() => setSentTo(null)}>
                send another link
              </button>
              .
            </p>
          </div>
        ) : (
          <Form problem={problem} onSubmit={submit}>
            <p className="muted">
              Enter the email you sign in with and we will send you a link to choose a new password.
            </p>
            <FormAlert problem={problem} />
            <TextField
              label={LABELS.email}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={problem?.fields['email']}
              required
            />
            <SubmitButton busy={loading} label="Send the link" busyLabel="Sending…" />
          </Form>
        )}
        <p className="auth-links">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    </div>
  );
}
