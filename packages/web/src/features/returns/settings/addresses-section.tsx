import { useState, type FormEvent } from 'react';
import { Form, FormAlert, SubmitButton, TextField, useFormSubmission } from '../../../ui/form';
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
  onRemove: (addressId: string) => Promise<unknown>;
}

/** The new address's failing fields, named in the alert ("Check these fields: …"). */
function addressProblem(fields: Readonly<Record<string, string>>): FormProblem {
  const names = Object.keys(fields).map((f) => ADDRESS_FIELD_LABELS[f as keyof NewAddressValues] ?? f);
  return { fields, summary: `Check these fields: ${names.join(', ')}.`, code: null };
}

/**
 * The seller's saved return addresses: which is the default, another made default, one removed
 * (after a second click; the default cannot be), a new one added.
 */
export function AddressesSection({ addresses, onAdd, onMakeDefault, onRemove }: Props) {
  const [values, setValues] = useState<NewAddressValues>(EMPTY_ADDRESS);
  const [makeDefault, setMakeDefault] = useState(addresses.length === 0);
  const { problem, busy, send } = useFormSubmission((error) => formProblemOf(error, ADDRESS_FIELD_LABELS));
  const [listError, setListError] = useState<string | null>(null);
  /** The address an action is under way for, and the one whose removal awaits its confirmation. */
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  /** One address's action; a refusal shows above the list, the list updates from the answer. */
  const act = (addressId: string, action: () => Promise<unknown>) => {
    setListError(null);
    setPending(addressId);
    action()
      .then(() => setConfirming(null))
      .catch((error: unknown) => setListError(formProblemOf(error, {}).summary))
      .finally(() => setPending(null));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = authorizeChoiceOf({
      rmaChoice: 'GENERATED',
      customRma: '',
      addressChoice: 'NEW',
      savedAddressId: '',
      newAddress: values,
    });
    await send(checked.ok ? null : addressProblem(checked.fields), async () => {
      if (checked.ok && checked.choice.newAddress) await onAdd(checked.choice.newAddress, makeDefault);
      setValues(EMPTY_ADDRESS);
      setMakeDefault(false);
    });
  };

  return (
    <section className="card rt-section" aria-labelledby="rt-addresses-title">
      <h2 id="rt-addresses-title">Return addresses</h2>
      {addresses.length === 0 ? (
        <p className="muted">No return address yet: add one, it becomes your default.</p>
      ) : (
        <ul className="rt-address-list" aria-label="Saved return addresses">
          {addresses.map((address) => (
            <li key={address.id} aria-busy={pending === address.id || undefined}>
              <span>{formatAddress(address)}</span>{' '}
              {address.isDefault ? (
                <span className="pill rt-pill rt-pill-in">Default</span>
              ) : confirming === address.id ? (
                <span className="rt-address-actions" role="group" aria-label={`Remove ${address.name}?`}>
                  <span>Remove it? Returns already sent there keep it.</span>
                  <button
                    type="button"
                    className="button button-danger button-small"
                    disabled={pending !== null}
                    onClick={() => act(address.id, () => onRemove(address.id))}
                  >
                    {pending === address.id ? 'Removing…' : `Remove ${address.name}`}
                  </button>
                  <button type="button" className="link-button" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <span className="rt-address-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Make ${address.name} the default`}
                    disabled={pending !== null}
                    onClick={() => act(address.id, () => onMakeDefault(address.id))}
                  >
                    {pending === address.id ? 'Saving…' : 'Make default'}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove ${address.name}`}
                    disabled={pending !== null}
                    onClick={() => {
                      setListError(null);
                      setConfirming(address.id);
                    }}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {listError && (
        <p className="alert alert-error" role="alert">
          {listError}
        </p>
      )}
      <Form problem={problem} aria-label="Add a return address" onSubmit={submit}>
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
      </Form>
    </section>
  );
}
