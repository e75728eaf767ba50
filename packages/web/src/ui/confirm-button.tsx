import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from './graphql-errors';

interface Props {
  /** The button's text, e.g. "Revoke". */
  label: string;
  /** Its accessible name when the text alone is ambiguous in a list, e.g. "Revoke ERP sync". */
  accessibleLabel?: string;
  /** What will happen, asked before it does, e.g. "Revoke “ERP sync”? Tools using it stop working at once." */
  question: string;
  /** The button that goes ahead, e.g. "Yes, revoke". */
  confirmLabel: string;
  busyLabel: string;
  /** Rejections are shown beside the buttons, and the question stays open. */
  onConfirm: () => Promise<unknown>;
}

/**
 * A destructive action asked twice, in place: the first click shows the question with the
 * confirming button and Cancel (Escape cancels too). Unlike `window.confirm`, it keeps the page's
 * look, can say what will happen in full, and shows a failure next to where it happened.
 */
export function ConfirmButton({ label, accessibleLabel, question, confirmLabel, busyLabel, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    // Focus follows the question: onto Cancel (the safe choice) when it opens, back to the opener when it closes.
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openerRef}
        type="button"
        className="button button-secondary button-small"
        aria-label={accessibleLabel}
        onClick={() => {
          setError(null);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) setAsking(false);
      }}
    >
      <span id={questionId} className="confirm-question">
        {question}
      </span>
      <span className="confirm-actions">
        <button
          type="button"
          className="button button-danger button-small"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => setAsking(false)}
        >
          Cancel
        </button>
      </span>
      {error && (
        <span className="confirm-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
