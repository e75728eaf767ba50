import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type RefObject,
  type TextareaHTMLAttributes,
} from 'react';
import type { FormProblem } from './graphql-errors';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'children'>;

interface TextFieldProps extends InputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the input and tied to it, so a screen reader reads it with the label. */
  error?: string | undefined;
  /** A rule or an example, shown between label and input. */
  hint?: ReactNode;
}

/** What a field's control carries to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and error around one control, and the ids that tie them to it: TextField and
 * TextAreaField draw their control inside.
 */
function LabelledField({
  label,
  error,
  hint,
  hintAs: Hint = 'p',
  children,
}: {
  label: string;
  error: string | undefined;
  hint: ReactNode;
  hintAs?: 'p' | 'div';
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <Hint id={hintId} className="field-hint">
          {hint}
        </Hint>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input with its hint and error; tests and assistive technology find it by its label. */
export function TextField({ label, name, value, onChange, error, hint, type = 'text', ...input }: TextFieldProps) {
  return (
    <LabelledField label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...input}
          {...control}
          name={name}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'value' | 'onChange' | 'children'
>;

interface TextAreaFieldProps extends TextAreaProps {
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the textarea and tied to it, as TextField's. */
  error?: string | undefined;
  /** A rule or an example, shown between label and textarea. */
  hint?: ReactNode;
}

/** TextField's counterpart for text that runs to sentences: a reviewer's reasons, a reply, a note, a list of SKUs. */
export function TextAreaField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  rows = 3,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <LabelledField label={label} error={error} hint={hint} hintAs="div">
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}

/**
 * A form that checks itself (noValidate: the domain's rules and the server's refusals show under
 * their fields, not the browser's bubbles) and, after a failed submit, moves focus to what to fix
 * (useFocusOnProblem). `onSubmit` gets the event and prevents the browser's submit itself.
 */
export function Form({
  problem,
  onSubmit,
  className = 'form',
  'aria-label': label,
  children,
}: {
  problem: FormProblem | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  className?: string;
  'aria-label'?: string;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnProblem(formRef, problem);
  return (
    <form ref={formRef} className={className} noValidate aria-label={label} onSubmit={(event) => void onSubmit(event)}>
      {children}
    </form>
  );
}

export function FormAlert({ problem, children }: { problem: FormProblem | null; children?: ReactNode }) {
  if (!problem) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} data-form-alert="">
      <p>{problem.summary}</p>
      {children}
    </div>
  );
}

/** A success or information line that screen readers announce without moving focus. */
export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

/** Disabled while the form is being sent, so a double click sends it once. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  ref,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button ref={ref} type="submit" className="button" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}

/**
 * A form's sending: the problem it shows and whether it is being sent. `send(checked, save)` shows
 * `checked`, the problem the form's own checks found, and sends nothing; or else runs `save` (busy
 * meanwhile), and a failure shows as `problemOf` reads it (the server's refusals under their fields).
 */
export function useFormSubmission(problemOf: (error: unknown) => FormProblem) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (checked: FormProblem | null, save: () => Promise<void>): Promise<void> => {
    if (checked) {
      setProblem(checked);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await save();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, send };
}

/** Controlled string fields of a form: values, a setter per field, and a reset. */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const setField = useCallback(
    (field: keyof T) => (value: string) => setValues((current) => ({ ...current, [field]: value })),
    [],
  );
  const reset = useCallback(() => setValues(initial), [initial]);
  return { values, setValues, setField, reset };
}

/**
 * After a failed submit, moves focus to the first field marked invalid, or else to the alert, so
 * keyboard and screen-reader users land on what to fix.
 */
export function useFocusOnProblem(formRef: RefObject<HTMLFormElement | null>, problem: FormProblem | null): void {
  useEffect(() => {
    if (!problem) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-form-alert]');
    target?.focus();
  }, [formRef, problem]);
}
