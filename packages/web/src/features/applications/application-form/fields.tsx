import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

/** A checkbox with its label, an optional longer description, and its error. */
export function CheckboxField({
  label,
  description,
  checked,
  onChange,
  error,
  disabled,
}: {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className={error ? 'checkbox checkbox-field field-invalid' : 'checkbox checkbox-field'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.join(' ') || undefined}
      />
      <label htmlFor={id}>{label}</label>
      {description && (
        <p id={`${id}-description`} className="checkbox-description">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error checkbox-description">
          {error}
        </p>
      )}
    </div>
  );
}

/** A choice of one among a few, as radio buttons in a fieldset. */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: string; description?: string }>;
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'field field-invalid radio-group' : 'field radio-group'}
      aria-describedby={
        [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.description && (
            <p id={`${id}-${option.value}-description`} className="checkbox-description">
              {option.description}
            </p>
          )}
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A short list of names (categories, brands): type one, add it, remove any. */
export function ListEditor({
  label,
  itemName,
  items,
  onChange,
  hint,
  error,
  suggestions = [],
}: {
  label: string;
  /** What one entry is called, for the buttons: "category", "brand". */
  itemName: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  suggestions?: readonly string[];
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const entry = draft.trim();
    if (entry === '') return;
    if (!items.some((item) => item.toLowerCase() === entry.toLowerCase())) onChange([...items, entry]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault(); // adds the entry instead of submitting the form
      add();
    }
  };
  return (
    <div className={error ? 'field field-invalid list-editor' : 'field list-editor'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {items.length > 0 ? (
        <ul className="chips" aria-label={label}>
          {items.map((item) => (
            <li key={item} className="chip">
              {item}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${itemName} ${item}`}
                onClick={() => onChange(items.filter((other) => other !== item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No {itemName} added yet.</p>
      )}
      <div className="list-editor-add">
        <input
          id={id}
          type="text"
          value={draft}
          list={suggestions.length > 0 ? `${id}-suggestions` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
          }
          autoComplete="off"
        />
        <button type="button" className="button button-secondary" onClick={add} disabled={draft.trim() === ''}>
          Add {itemName}
        </button>
      </div>
      {suggestions.length > 0 && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
