import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useSignUpSellerMutation } from './sign-up.generated';
import { Form, FormAlert, SubmitButton, TextField, useFormValues } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { usePageTitle } from '../../../ui/page-title';
import { PASSWORD_MIN_LENGTH } from '../password-rules';
import { HOME_BY_ROLE } from '../sign-in/next-path';
import { useViewer } from '../viewer/viewer-context';

/** Field names are the API's (SignUpSellerInput), so its `extensions.fields` land under the right input. */
const LABELS = { email: 'Email', password: 'Password', displayName: 'Your name', organizationName: 'Business name' };
const EMPTY = { email: '', password: '', displayName: '', organizationName: '' };

/**
 * A new seller organization and its first user. The answer is "check your email" whether or not
 * the address already has an account (its owner is emailed instead), so the page cannot be used
 * to find out who has one; the link in the email confirms the address and signs in.
 */
export function SignUpPage() {
  usePageTitle('Sign up');
  const viewer = useViewer();
  const { values, setField } = useFormValues(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [signUpSeller] = useSignUpSellerMutation();

  if (viewer.status === 'signed-in') return <Navigate to={HOME_BY_ROLE[viewer.role]} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // No check before sending: the server names every failing field at once, the password rule included.
    setProblem(null);
    setSubmitting(true);
    try {
      await signUpSeller({ variables: { input: values } });
      setSentTo(values.email.trim());
    } catch (error) {
      setProblem(formProblemOf(error, LABELS));
    }
    setSubmitting(false);
  };

  if (sentTo) {
    return (
      <div className="auth-layout">
        <section className="card auth-card" aria-labelledby="sign-up-title">
          <h1 tabIndex={-1} id="sign-up-title">
            Check your email
          </h1>
          <div className="alert alert-success" role="status">
            <p>
              <strong>We sent an email to {sentTo}.</strong> Open the link in it to confirm your address and sign in.
              The link works once, for 72 hours.
            </p>
            <p>Nothing arrived? Check the spam folder, or check the address and sign up again.</p>
          </div>
          <p className="auth-links">
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </section>
      </div>
    );
  }

  return (
    <div className="auth-layout">
      <section className="card auth-card" aria-labelledby="sign-up-title">
        <h1 tabIndex={-1} id="sign-up-title">
          Create a seller account
        </h1>
        <p className="muted">
          For businesses that sell refurbished products and want to join the Renewed program. You can invite colleagues
          afterwards.
        </p>
        <Form problem={problem} onSubmit={submit}>
          <FormAlert problem={problem} />
          <TextField
            label={LABELS.email}
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={setField('email')}
            error={problem?.fields['email']}
            required
          />
          <TextField
            label={LABELS.password}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember work well.`}
            value={values.password}
            onChange={setField('password')}
            error={problem?.fields['password']}
            required
          />
          <TextField
            label={LABELS.displayName}
            name="displayName"
            autoComplete="name"
            value={values.displayName}
            onChange={setField('displayName')}
            error={problem?.fields['displayName']}
            required
          />
          <TextField
            label={LABELS.organizationName}
            name="organizationName"
            autoComplete="organization"
            hint="The seller organization you apply for."
            value={values.organizationName}
            onChange={setField('organizationName')}
            error={problem?.fields['organizationName']}
            required
          />
          <SubmitButton busy={submitting} label="Create account" busyLabel="Creating account…" />
        </Form>
        <p className="auth-links">
          <span>
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </span>
        </p>
      </section>
    </div>
  );
}
