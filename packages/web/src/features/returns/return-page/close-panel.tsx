import { CLOSE_REASONS_BY_STATE, type CloseReason, type ReturnState } from '@recertify/domain';
import { useId, useState, type FormEvent } from 'react';
import { checkedFormProblem, formProblemOf } from '../../../ui/graphql-errors';
import { FormAlert, SubmitButton, TextAreaField, useFormSubmission } from '../../../ui/form';
import { CLOSE_REASON_NAMES } from '../../../ui/labels';

export const CLOSE_NOTE_MAX_LENGTH = 1000;

interface Props {
  state: ReturnState;
  onClose: (reason: CloseReason, note: string | null) => Promise<unknown>;
}

const LABELS = { reason: 'Reason', note: 'Note' };

/**
 * Closing a return with a reason: only the reasons the lifecycle allows from its state are offered
 * (an authorized return only as not returned, and the page shows this panel only once its deadline
 * has passed).
 */
export function ClosePanel({ state, onClose }: Props) {
  const reasons = CLOSE_REASONS_BY_STATE[state];
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [note, setNote] = useState('');
  const { problem, busy, send } = useFormSubmission((error) => formProblemOf(error, LABELS));
  const reasonId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = reason === '' ? checkedFormProblem({ reason: 'Choose why you close it.' }, LABELS) : null;
    await send(refused, async () => {
      if (reason !== '') await onClose(reason, note.trim() === '' ? null : note.trim());
    });
  };

  return (
    <section className="card rt-section" aria-labelledby="rt-close-title">
      <h2 id="rt-close-title">Close</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert problem={problem} />
        <div className={problem?.fields['reason'] ? 'field field-invalid' : 'field'}>
          <label htmlFor={reasonId}>Reason</label>
          <select
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(reasons.find((r) => r === event.target.value) ?? '')}
            aria-invalid={problem?.fields['reason'] ? true : undefined}
          >
            <option value="">Choose a reason</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {CLOSE_REASON_NAMES[r]}
              </option>
            ))}
          </select>
          {problem?.fields['reason'] && <p className="field-error">{problem.fields['reason']}</p>}
        </div>
        <TextAreaField
          label="Note (optional, for your records)"
          value={note}
          onChange={setNote}
          maxLength={CLOSE_NOTE_MAX_LENGTH}
          error={problem?.fields['note']}
        />
        <SubmitButton busy={busy} label="Close return" busyLabel="Closing…" />
      </form>
    </section>
  );
}
