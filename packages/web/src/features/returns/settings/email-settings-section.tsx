import { useState, type FormEvent } from 'react';
import { FormAlert, Notice, SubmitButton, TextField, useFormSubmission } from '../../../ui/form';
import { formProblemOf } from '../../../ui/graphql-errors';

/** How the seller hears of new return requests (the API's field names). */
export interface ReturnEmailSettingsValues {
  readonly receiveRequestEmails: boolean;
  readonly recipientEmail: string | null;
  readonly includeActionLinks: boolean;
}

interface Props {
  settings: ReturnEmailSettingsValues;
  onSave: (values: ReturnEmailSettingsValues) => Promise<unknown>;
}

/** Return-request emails: whether to get them, where, and with links that act without signing in. */
export function EmailSettingsSection({ settings, onSave }: Props) {
  const [values, setValues] = useState(settings);
  const { problem, busy, send } = useFormSubmission((error) =>
    formProblemOf(error, { recipientEmail: 'Send them to' }),
  );
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<ReturnEmailSettingsValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...change }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(null, async () => {
      const recipient = (values.recipientEmail ?? '').trim();
      await onSave({ ...values, recipientEmail: recipient === '' ? null : recipient });
      setSaved(true);
    });
  };

  return (
    <section className="card rt-section" aria-labelledby="rt-email-title">
      <h2 id="rt-email-title">Emails</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert problem={problem} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.receiveRequestEmails}
            onChange={(event) => set({ receiveRequestEmails: event.target.checked })}
          />
          Email me when a return request arrives, with its reason and, when it is out of policy, why
        </label>
        {values.receiveRequestEmails && (
          <>
            <TextField
              label="Send them to"
              name="recipientEmail"
              type="email"
              value={values.recipientEmail ?? ''}
              onChange={(recipientEmail) => set({ recipientEmail })}
              error={problem?.fields['recipientEmail']}
              hint="Leave empty to email every person of your organization at their own address."
              maxLength={254}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.includeActionLinks}
                onChange={(event) => set({ includeActionLinks: event.target.checked })}
              />
              Put links in them to authorize, close or reply without signing in (each link works once, for one action,
              and expires)
            </label>
          </>
        )}
        {saved && <Notice>Email settings saved.</Notice>}
        <SubmitButton busy={busy} label="Save email settings" busyLabel="Saving…" />
      </form>
    </section>
  );
}
