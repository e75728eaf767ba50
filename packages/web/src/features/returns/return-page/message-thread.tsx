import { useState, type FormEvent } from 'react';
import { FormAlert, SubmitButton, TextAreaField, useFormSubmission } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import { checkedFormProblem, formProblemOf } from '../../../ui/graphql-errors';
import type { ReturnMessageFields } from './return-detail-types';

export const REPLY_MAX_LENGTH = 2000;

interface Props {
  messages: readonly ReturnMessageFields[];
  buyerName: string | null;
  /** Null when the return no longer takes replies. */
  onReply: ((body: string) => Promise<unknown>) | null;
}

const LABELS = { body: 'Reply' };

/** The thread with the buyer, oldest first, and the reply box (the buyer gets it by email). */
export function MessageThread({ messages, buyerName, onReply }: Props) {
  const [body, setBody] = useState('');
  const { problem, busy, send } = useFormSubmission((error) => formProblemOf(error, LABELS));
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!onReply) return;
    const refused = body.trim() === '' ? checkedFormProblem({ body: 'Write your reply first.' }, LABELS) : null;
    await send(refused, async () => {
      setSent(false);
      await onReply(body.trim());
      setBody('');
      setSent(true);
    });
  };

  return (
    <section className="card rt-section" aria-labelledby="rt-messages-title">
      <h2 id="rt-messages-title">Messages</h2>
      {messages.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ol className="rt-messages" aria-label="Messages with the buyer">
          {messages.map((message) => (
            <li
              key={message.id}
              className={message.author === 'SELLER' ? 'rt-message rt-message-seller' : 'rt-message'}
            >
              <span className="rt-message-meta">
                {message.author === 'SELLER' ? 'You' : (message.authorName ?? buyerName ?? 'The buyer')} ·{' '}
                {formatDateTime(message.sentAt)}
              </span>
              <p>{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {onReply && (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <FormAlert problem={problem} />
          <TextAreaField
            label="Reply to the buyer"
            value={body}
            onChange={setBody}
            rows={4}
            maxLength={REPLY_MAX_LENGTH}
            error={problem?.fields['body']}
          />
          {sent && (
            <p className="alert alert-success" role="status">
              Reply sent. The buyer gets it by email.
            </p>
          )}
          <SubmitButton busy={busy} label="Send reply" busyLabel="Sending…" />
        </form>
      )}
    </section>
  );
}
