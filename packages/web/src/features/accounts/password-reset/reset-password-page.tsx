import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useResetPasswordMutation } from './password-reset.generated';
import { Form, FormAlert, SubmitButton, TextField, useFormValues } from '../../../ui/form';
import { formProblemFromFields, formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { checkPasswordChoice, PASSWORD_MIN_LENGTH } from '../password-rules';
import { leaveApp } from '../viewer/session';

const LABELS = { password: 'New password', confirmPassword: 'Confirm new password' };
const EMPTY = { password: '', confirmPassword: '' };

/** The page the emailed link opens (/reset-password?token=...): a new password, then sign in with it. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token');
  const { values, setField } = useFormValues(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [resetPassword] = useResetPasswordMutation();

  if (!token) {
    return (
      <div className="auth-layout">
        <section className="card auth-card" aria-labelledby="reset-title">
          <h1 tabIndex={-1} id="reset-title">
            Choose a new password
          </h1>
          <p className="notice">
            This page needs the link from your password-reset email. Open the link as it is, or{' '}
            <Link to="/forgot-password">ask for a new one</Link>.
          </p>
        </section>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const early = checkPasswordChoice(values.password, values.confirmPassword);
    if (early.length > 0) {
      setProblem(formProblemFromFields(early, LABELS));
      return;
    }
    setProblem(null);
    setSubmitting(true);
    try {
      await resetPassword({ variables: { input: { token, password: values.password } } });
      // Every session of the account has just ended, perhaps this browser's: start afresh at sign-in.
      leaveApp('/sign-in?reset=done');
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
      setSubmitting(false);
    }
  };

  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="reset-title">
        <h1 tabIndex={-1} id="reset-title">
          Choose a new password
        </h1>
        <Form problem={problem} onSubmit={submit}>
          <FormAlert problem={problem}>
            {problem?.code === 'INVALID_TOKEN' && (
              <p>
                <Link to="/forgot-password">Ask for a new link</Link>
              </p>
            )}
          </FormAlert>
          <TextField
            label={LABELS.password}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            value={values.password}
            onChange={setField('password')}
            error={problem?.fields['password']}
            required
          />
          <TextField
            label={LABELS.confirmPassword}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            value={values.confirmPassword}
            onChange={setField('confirmPassword')}
            error={problem?.fields['confirmPassword']}
            required
          />
          <SubmitButton busy={submitting} label="Save the new password" busyLabel="Saving…" />
        </Form>
      </section>
    </div>
  );
}
