import { lazy, Suspense, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useDemoAccountsQuery, useSignInMutation } from './sign-in.generated';
import { Form, FormAlert, Notice, SubmitButton, TextField, useFormValues } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { useStartSession } from '../viewer/session';
import { useViewer } from '../viewer/viewer-context';
import { HOME_BY_ROLE, safeNextPath } from './next-path';

/**
 * The demo accounts panel, in a chunk of its own: only embedded installations show it, so a
 * production visitor of /sign-in never downloads it.
 */
const DemoAccountsPanel = lazy(() => import('./demo-accounts-panel'));

const LABELS = { email: 'Email', password: 'Password' };
const EMPTY = { email: '', password: '' };

/** What brought the person here, said above the form. */
function arrivalNotice(params: URLSearchParams): string | null {
  if (params.get('signedOut') === 'everywhere') return 'You are signed out everywhere.';
  if (params.get('signedOut')) return 'You are signed out.';
  if (params.get('reset') === 'done') return 'Your password is changed. Sign in with the new one.';
  return null;
}

export function SignInPage() {
  usePageTitle('Sign in');
  const viewer = useViewer();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const submitRef = useRef<HTMLButtonElement>(null);
  const { values, setValues, setField } = useFormValues(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [signIn] = useSignInMutation();
  // Embedded mode's shortcut: while appInfo loads, or if it fails, the panel stays away and the form
  // works as always.
  const demo = useDemoAccountsQuery().data?.appInfo;
  const startSession = useStartSession();

  // Signed in (just now, or already): on to where the person was going, or to their own work.
  if (viewer.status === 'signed-in') return <Navigate to={next ?? HOME_BY_ROLE[viewer.role]} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSubmitting(true);
    try {
      await signIn({ variables: { input: values } });
      // Refetches the viewer; the redirect above then takes over, so the button stays disabled until it does.
      await startSession();
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
      setSubmitting(false);
    }
  };

  const notice = arrivalNotice(params);
  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="sign-in-title">
        <h1 tabIndex={-1} id="sign-in-title">
          Sign in
        </h1>
        {notice && <Notice tone="info">{notice}</Notice>}
        {next && !notice && <p className="muted">Sign in to see that page.</p>}
        <Form problem={problem} onSubmit={submit}>
          <FormAlert problem={problem}>
            {problem?.code === 'ACCOUNT_LOCKED' && (
              <p>
                Your account? <Link to="/forgot-password">Reset your password</Link>: the emailed link unlocks it at
                once.
              </p>
            )}
          </FormAlert>
          <TextField
            label={LABELS.email}
            name="email"
            type="email"
            autoComplete="username"
            value={values.email}
            onChange={setField('email')}
            error={problem?.fields['email']}
            required
          />
          <TextField
            label={LABELS.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={setField('password')}
            error={problem?.fields['password']}
            required
          />
          <SubmitButton ref={submitRef} busy={submitting} label="Sign in" busyLabel="Signing in…" />
        </Form>
        <p className="auth-links">
          <Link to="/forgot-password">Forgot your password?</Link>
          <span>
            New seller? <Link to="/sign-up">Create an account</Link>
          </span>
        </p>
      </section>
      {demo?.embedded && (
        <Suspense fallback={null}>
          <DemoAccountsPanel
            info={demo}
            onUse={(account) => {
              setValues(account);
              setProblem(null);
              submitRef.current?.focus(); // filled: Enter signs in
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
