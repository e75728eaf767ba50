import { useRef, useState, type FormEvent } from 'react';
import { FormAlert, SubmitButton, TextField, useFocusOnProblem } from '../../../ui/form';
import { formProblemOf, type FormProblem } from '../../../ui/graphql-errors';
import { formatAddress } from '../return-page/address-text';
import {
  ADDRESS_FIELD_LABELS,
  authorizeChoiceOf,
  EMPTY_ADDRESS,
  type AuthorizeChoice,
  type NewAddressValues,
} from '../return-page/authorize-form';
import type { ReturnAddressFields } from '../return-page/return-detail-types';

export type NewAddress = NonNullable<AuthorizeChoice['newAddress']>;

interface Props {
  addresses: readonly ReturnAddressFields[];
  onAdd: (address: NewAddress, makeDefault: boolean) => Promise<unknown>;
  onMakeDefault: (addressId: string) => Promise<unknown>;
}

/** The seller's saved return addresses: which is the default, another made default, a new one added. */
export function AddressesSection({ addresses, onAdd, onMakeDefault }: Props) {
  const [values, setValues] = useState<NewAddressValues>(EMPTY_ADDRESS);
  const [makeDefault, setMakeDefault] = useState(addresses.length === 0);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [defaultError, setDefaultError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnProblem(formRef, problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = authorizeChoiceOf({
      rmaChoice: 'GENERATED',
      customRma: '',
      addressChoice: 'NEW',
      savedAddressId: '',
      newAddress: values,
    });
    if (!checked.ok) {
      const names = Object.keys(checked.fields).map((f) => ADDRESS_FIELD_LABELS[f as keyof NewAddressValues] ?? f);
      setProblem({ fields: checked.fields, summary: `Check these fields: ${names.join(', ')}.`, code: null });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (checked.choice.newAddress) await onAdd(checked.choice.newAddress, makeDefault);
      setValues(EMPTY_ADDRESS);
      setMakeDefault(false);
    } catch (error) {
      setProblem(formProblemOf(error, ADDRESS_FIELD_LABELS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card rt-section" aria-labelledby="rt-addresses-title">
      <h2 id="rt-addresses-title">Return addresses</h2>
      {addresses.length === 0 ? (
        <p className="muted">No return address yet: add one, it becomes your default.</p>
      ) : (
        <ul className="rt-address-list" aria-label="Saved return addresses">
          {addresses.map((address) => (
            <li key={address.id}>
              {formatAddress(address)}{' '}
              {address.isDefault ? (
                <span className="rt-pill rt-pill-in">Default</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Make ${address.name} the default`}
                  onClick={() => {
                    setDefaultError(null);
                    onMakeDefault(address.id).catch((error: unknown) =>
                      setDefaultError(formProblemOf(error, {}).summary),
                    );
                  }}
                >
                  Make default
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {defaultError && (
        <p className="alert alert-error" role="alert">
          {defaultError}
        </p>
      )}
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label="Add a return address"
      >
        <h3>Add an address</h3>
        <FormAlert problem={problem} />
        {(Object.keys(ADDRESS_FIELD_LABELS) as Array<keyof NewAddressValues>).map((field) => (
          <TextField
            key={field}
            label={ADDRESS_FIELD_LABELS[field]}
            name={field}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            error={problem?.fields[field]}
            maxLength={field === 'country' ? 2 : field === 'postalCode' ? 20 : 200}
          />
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={makeDefault} onChange={(event) => setMakeDefault(event.target.checked)} />
          Make it my default return address
        </label>
        <SubmitButton busy={busy} label="Add address" busyLabel="Adding…" />
      </form>
    </section>
  );
}
