import { type AuthorizationMode, type SellerType } from '@recertify/domain';
import { useId, useState, type FormEvent } from 'react';
import { Form, FormAlert, Notice, SubmitButton, TextAreaField, TextField, useFormSubmission } from '../../../ui/form';
import {
  checkedFormProblem,
  describeError,
  errorCodeOf,
  fieldProblemsOf,
  formProblemFromFields,
  formProblemOf,
  type FormProblem,
} from '../../../ui/graphql-errors';
import { AUTHORIZATION_MODE_NAMES } from '../../../ui/labels';
import {
  authorizationPreview,
  RMA_PREFIX_MAX_LENGTH,
  settingsProblems,
  skusFromText,
  type ReturnSettingsValues,
} from './settings-form';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  automaticInPolicy: 'In-policy requests',
  automaticOutOfPolicy: 'Out-of-policy requests',
  prepaidExemptSkus: 'SKUs exempt from the prepaid-label program',
  exemptSkuAuthorization: 'Requests with an exempt SKU',
  rmaPrefix: 'RMA prefix',
};

interface Props {
  sellerType: SellerType;
  settings: ReturnSettingsValues;
  onSave: (values: ReturnSettingsValues) => Promise<unknown>;
}

/**
 * A seller's return settings in one marketplace: who authorizes what (SPEC 6), the exempt SKUs
 * and the RMA format, with a preview, from the same rule the server applies, of what happens to
 * the next requests.
 */
export function MarketplaceSettingsForm({ sellerType, settings, onSave }: Props) {
  const [values, setValues] = useState<ReturnSettingsValues>(settings);
  const [skuText, setSkuText] = useState(settings.prepaidExemptSkus.join('\n'));
  const { problem, busy, send } = useFormSubmission(settingsProblemOf);
  const [saved, setSaved] = useState(false);
  const exemptId = useId();
  const professional = sellerType === 'PROFESSIONAL';
  const current: ReturnSettingsValues = { ...values, prepaidExemptSkus: skusFromText(skuText) };

  const set = (change: Partial<ReturnSettingsValues>) => {
    setSaved(false);
    setValues((before) => ({ ...before, ...change }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(checkedFormProblem(settingsProblems(current), FIELD_LABELS), async () => {
      const prefix = (current.rmaPrefix ?? '').trim().toUpperCase();
      await onSave({ ...current, rmaPrefix: prefix === '' ? null : prefix });
      setSaved(true);
    });
  };

  return (
    <Form problem={problem} onSubmit={submit}>
      <FormAlert problem={problem} />
      <fieldset className="rt-choice">
        <legend>Automatic authorization</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={professional || values.automaticInPolicy}
            disabled={professional}
            onChange={(event) => set({ automaticInPolicy: event.target.checked })}
          />
          Authorize in-policy requests automatically
        </label>
        {professional && (
          <p className="field-hint">
            Professional sellers&rsquo; in-policy requests are always authorized automatically.
          </p>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.automaticOutOfPolicy}
            onChange={(event) => set({ automaticOutOfPolicy: event.target.checked })}
          />
          Authorize out-of-policy requests automatically (the buyer gets an unpaid label)
        </label>
      </fieldset>
      <TextAreaField
        label={FIELD_LABELS['prepaidExemptSkus'] ?? ''}
        value={skuText}
        onChange={(text) => {
          setSaved(false);
          setSkuText(text);
        }}
        rows={4}
        error={problem?.fields['prepaidExemptSkus']}
        placeholder="One SKU per line"
      />
      <fieldset className="rt-choice" aria-describedby={exemptId}>
        <legend>{FIELD_LABELS['exemptSkuAuthorization']}</legend>
        <p id={exemptId} className="field-hint">
          They get an unpaid label; choose whether you review them first.
        </p>
        {(['MANUAL', 'AUTOMATIC'] as const satisfies readonly AuthorizationMode[]).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="exemptSkuAuthorization"
              checked={values.exemptSkuAuthorization === mode}
              onChange={() => set({ exemptSkuAuthorization: mode })}
            />
            {AUTHORIZATION_MODE_NAMES[mode]}
          </label>
        ))}
      </fieldset>
      <TextField
        label={FIELD_LABELS['rmaPrefix'] ?? ''}
        name="rmaPrefix"
        value={values.rmaPrefix ?? ''}
        onChange={(rmaPrefix) => set({ rmaPrefix })}
        error={problem?.fields['rmaPrefix']}
        maxLength={RMA_PREFIX_MAX_LENGTH}
        hint={`Generated RMAs start with it, e.g. ${(values.rmaPrefix ?? '').trim().toUpperCase() || 'EVG'}-7KQ2M-9XD4P. Leave empty for none.`}
        autoComplete="off"
      />
      <section className="rt-preview" aria-label="What happens to the next requests">
        <h3>What happens to the next requests</h3>
        <dl>
          {authorizationPreview(sellerType, current).map(({ situation, explanation }) => (
            <div key={situation}>
              <dt>{situation}</dt>
              <dd>{explanation}</dd>
            </div>
          ))}
        </dl>
      </section>
      {saved && <Notice>Settings saved.</Notice>}
      <SubmitButton busy={busy} label="Save settings" busyLabel="Saving…" />
    </Form>
  );
}

/** The API's refusal by the form's fields: a problem with one exempt SKU (`prepaidExemptSkus[2]`) goes under the list. */
function settingsProblemOf(error: unknown): FormProblem {
  if (errorCodeOf(error) !== 'BAD_USER_INPUT') return formProblemOf(error, FIELD_LABELS);
  const problems = fieldProblemsOf(error).map((problem) => ({
    ...problem,
    field: problem.field.replace(/\[\d+\]$/, ''),
  }));
  return formProblemFromFields(problems, FIELD_LABELS, describeError(error));
}
