import { useId, useState, type ChangeEvent } from 'react';
import type { UploadedFile } from '../application-form/form-state';
import { UPLOAD_ACCEPT, UPLOAD_RULES, uploadFile, type UploadKind } from './uploads';

interface Props {
  readonly kind: UploadKind;
  /** The button's text, e.g. "Upload the invoice" or "Replace". */
  readonly label: string;
  /** Its name for assistive technology when the text is ambiguous, e.g. "Replace the Front image". */
  readonly accessibleLabel?: string;
  readonly onUploaded: (file: UploadedFile) => void;
  /** A refusal of the form for this file (from the last save), shown with the upload's own. */
  readonly error?: string | undefined;
  readonly showRules?: boolean;
}

/** Choose a file, watch it go up, and read plainly why the server refused it. */
export function FileUpload({ kind, label, accessibleLabel, onUploaded, error, showRules = true }: Props) {
  const id = useId();
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a refusal
    if (!file) return;
    setRefusal(null);
    setSending({ name: file.name, fraction: 0 });
    try {
      const uploaded = await uploadFile(file, kind, (fraction) => setSending({ name: file.name, fraction }));
      onUploaded(uploaded);
    } catch (failure) {
      setRefusal(`${file.name} was not accepted: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setSending(null);
    }
  };

  const message = refusal ?? error;
  return (
    <div className="upload">
      <label className={`button button-secondary button-small upload-button${sending ? ' is-busy' : ''}`}>
        {sending ? 'Uploading…' : label}
        <input
          type="file"
          className="visually-hidden"
          accept={UPLOAD_ACCEPT[kind]}
          aria-label={accessibleLabel}
          aria-describedby={
            [showRules ? `${id}-rules` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={message ? true : undefined}
          disabled={sending !== null}
          onChange={(event) => void choose(event)}
        />
      </label>
      {showRules && (
        <span id={`${id}-rules`} className="upload-rules">
          {UPLOAD_RULES[kind]}
        </span>
      )}
      {sending && (
        <span className="upload-progress" role="status">
          <progress max={1} value={sending.fraction} aria-label={`Uploading ${sending.name}`} />
          {Math.round(sending.fraction * 100)}%
        </span>
      )}
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
