import { useEffect, useId, useRef, useState } from 'react';
import { copyOrSelect, type CopyOutcome } from '../../../ui/clipboard';

interface Props {
  keyName: string;
  /** The whole key, `rcf_<prefix>_<secret>`, as createApiKey answered it. */
  secret: string;
  onDone: () => void;
}

const OUTCOME_TEXT: Record<CopyOutcome, string> = {
  copied: 'Copied to the clipboard.',
  selected: 'Your browser did not allow copying: the key is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
};

/** The one time a key's secret is shown: highlighted, with a Copy button and a plain warning. */
export function NewSecretBox({ keyName, secret, onDone }: Props) {
  const headingId = useId();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);

  // The box replaces the form that was just sent: bring focus (and screen readers) to it.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="secret-box" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Your new API key “{keyName}”
      </h3>
      <p className="secret-warning">
        <strong>Copy it now: it will not be shown again.</strong> Recertify keeps only a fingerprint of it. If it is
        lost, revoke it and create another.
      </p>
      <label htmlFor={inputId}>New API key</label>
      <div className="secret-row">
        <input
          ref={inputRef}
          id={inputId}
          className="secret-value"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() => void copyOrSelect(secret, inputRef.current).then(setOutcome)}
        >
          Copy
        </button>
      </div>
      <p className="copy-outcome" role="status">
        {outcome ? OUTCOME_TEXT[outcome] : ''}
      </p>
      <p className="muted">
        Send it with each request as the header <code>Authorization: Bearer rcf_…</code>.
      </p>
      <button type="button" className="button button-secondary" onClick={onDone}>
        I have stored the key
      </button>
    </section>
  );
}
