import { categoryReturnWindowProblem, CATEGORY_RETURN_WINDOW_MAX_DAYS, RETURN_TEXT_LIMITS } from '@recertify/domain';
import { useState, type FormEvent } from 'react';
import { Form, FormAlert, Notice, SubmitButton, TextField, useFormSubmission } from '../../ui/form';
import { checkedFormProblem, formProblemOf } from '../../ui/graphql-errors';

const FIELD_LABELS: Readonly<Record<string, string>> = { categoryName: 'Category', days: 'Return window (days)' };

interface Props {
  /** The marketplace's name, for the sentences. */
  marketplaceName: string;
  onSave: (window: { categoryName: string; days: number }) => Promise<unknown>;
}

/**
 * Gives a category its own return window, or changes it: checked here by the domain's rule (1 to
 * 365 whole days), then by the server, whose refusals show under the field they name.
 */
export function CategoryWindowForm({ marketplaceName, onSave }: Props) {
  const [categoryName, setCategoryName] = useState('');
  const [days, setDays] = useState('');
  const { problem, busy, send } = useFormSubmission((error) => formProblemOf(error, FIELD_LABELS));
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const fields: Record<string, string> = {};
    const name = categoryName.trim();
    if (name === '') fields['categoryName'] = 'Enter the category as order items name it, e.g. Headphones.';
    const count = /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
    const daysProblem = Number.isNaN(count)
      ? `Enter a whole number of days from 1 to ${CATEGORY_RETURN_WINDOW_MAX_DAYS}.`
      : categoryReturnWindowProblem(count);
    if (daysProblem) fields['days'] = daysProblem;
    await send(checkedFormProblem(fields, FIELD_LABELS), async () => {
      await onSave({ categoryName: name, days: count });
      setSaved(`${name} now has a ${count}-day return window in ${marketplaceName}.`);
      setCategoryName('');
      setDays('');
    });
  };

  return (
    <Form problem={problem} aria-label="Set a category's window" onSubmit={submit}>
      <h3>Set a category&rsquo;s window</h3>
      <FormAlert problem={problem} />
      <TextField
        label={FIELD_LABELS['categoryName'] ?? ''}
        name="categoryName"
        value={categoryName}
        onChange={setCategoryName}
        error={problem?.fields['categoryName']}
        hint="Exactly as order items name it. A category already listed gets the new length."
        maxLength={RETURN_TEXT_LIMITS.category}
        autoComplete="off"
      />
      <TextField
        label={FIELD_LABELS['days'] ?? ''}
        name="days"
        value={days}
        onChange={setDays}
        error={problem?.fields['days']}
        hint={`Days after delivery a return may be requested: 1 to ${CATEGORY_RETURN_WINDOW_MAX_DAYS}.`}
        inputMode="numeric"
        autoComplete="off"
      />
      {saved && <Notice>{saved}</Notice>}
      <SubmitButton busy={busy} label="Save window" busyLabel="Saving…" />
    </Form>
  );
}
