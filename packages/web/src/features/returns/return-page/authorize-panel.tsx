import { useId, useState, type FormEvent } from 'react';
import { Form, FormAlert, SubmitButton, TextField, useFormSubmission } from '../../../ui/form';
import { checkedFormProblem, formProblemOf } from '../../../ui/graphql-errors';
import {
  ADDRESS_FIELD_LABELS,
  authorizeChoiceOf,
  EMPTY_ADDRESS,
  type AuthorizeChoice,
  type AuthorizeFormValues,
  type NewAddressValues,
} from './authorize-form';
import type { ReturnAddressFields } from './return-detail-types';
import { formatAddress } from './address-text';

/** The form's fields by the names the API's errors use. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  rma: 'Your RMA number',
  addressId: 'Saved address',
  ...ADDRESS_FIELD_LABELS,
};

interface Props {
  addresses: readonly ReturnAddressFields[];
  onAuthorize: (choice: AuthorizeChoice) => Promise<unknown>;
}

/**
 * Authorizing one return: the generated RMA or the seller's own (checked here by the domain's rule,
 * then by the server, which also refuses one already used), and the return address: the default,
 * a saved one or a new one.
 */
export function AuthorizePanel({ addresses, onAuthorize }: Props) {
  const defaultAddress = addresses.find((address) => address.isDefault) ?? null;
  const saved = addresses.filter((address) => !address.isDefault);
  const [values, setValues] = useState<AuthorizeFormValues>({
    rmaChoice: 'GENERATED',
    customRma: '',
    addressChoice: 'DEFAULT',
    savedAddressId: '',
    newAddress: EMPTY_ADDRESS,
  });
  const { problem, busy, send } = useFormSubmission((error) => formProblemOf(error, FIELD_LABELS));
  const savedId = useId();

  const set = (change: Partial<AuthorizeFormValues>) => setValues((current) => ({ ...current, ...change }));
  const setAddress = (field: keyof NewAddressValues) => (value: string) =>
    setValues((current) => ({ ...current, newAddress: { ...current.newAddress, [field]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = authorizeChoiceOf(values);
    await send(checked.ok ? null : checkedFormProblem(checked.fields, FIELD_LABELS), async () => {
      if (checked.ok) await onAuthorize(checked.choice);
    });
  };

  const fieldError = (field: string) => problem?.fields[field];
  return (
    <section className="card rt-section" aria-labelledby="rt-authorize-title">
      <h2 id="rt-authorize-title">Authorize</h2>
      <Form problem={problem} onSubmit={submit}>
        <FormAlert problem={problem} />
        <fieldset className="rt-choice">
          <legend>RMA number</legend>
          <label>
            <input
              type="radio"
              name="rmaChoice"
              checked={values.rmaChoice === 'GENERATED'}
              onChange={() => set({ rmaChoice: 'GENERATED' })}
            />
            Generate one (two groups of five letters and digits, with a check character)
          </label>
          <label>
            <input
              type="radio"
              name="rmaChoice"
              checked={values.rmaChoice === 'CUSTOM'}
              onChange={() => set({ rmaChoice: 'CUSTOM' })}
            />
            Use my own
          </label>
          {values.rmaChoice === 'CUSTOM' && (
            <TextField
              label="Your RMA number"
              name="rma"
              value={values.customRma}
              onChange={(customRma) => set({ customRma })}
              error={fieldError('rma')}
              hint="4 to 30 letters, digits, hyphens or underscores; unique among your returns."
              maxLength={30}
              autoComplete="off"
            />
          )}
        </fieldset>
        <fieldset className="rt-choice">
          <legend>Return address</legend>
          <label>
            <input
              type="radio"
              name="addressChoice"
              checked={values.addressChoice === 'DEFAULT'}
              onChange={() => set({ addressChoice: 'DEFAULT' })}
            />
            {defaultAddress ? `My default address: ${formatAddress(defaultAddress)}` : 'My default return address'}
          </label>
          {saved.length > 0 && (
            <label>
              <input
                type="radio"
                name="addressChoice"
                checked={values.addressChoice === 'SAVED'}
                onChange={() => set({ addressChoice: 'SAVED' })}
              />
              One of my saved addresses
            </label>
          )}
          {values.addressChoice === 'SAVED' && (
            <div className={fieldError('addressId') ? 'field field-invalid' : 'field'}>
              <label htmlFor={savedId}>Saved address</label>
              <select
                id={savedId}
                value={values.savedAddressId}
                onChange={(event) => set({ savedAddressId: event.target.value })}
                aria-invalid={fieldError('addressId') ? true : undefined}
              >
                <option value="">Choose an address</option>
                {saved.map((address) => (
                  <option key={address.id} value={address.id}>
                    {formatAddress(address)}
                  </option>
                ))}
              </select>
              {fieldError('addressId') && <p className="field-error">{fieldError('addressId')}</p>}
            </div>
          )}
          <label>
            <input
              type="radio"
              name="addressChoice"
              checked={values.addressChoice === 'NEW'}
              onChange={() => set({ addressChoice: 'NEW' })}
            />
            A new address
          </label>
          {values.addressChoice === 'NEW' &&
            (Object.keys(ADDRESS_FIELD_LABELS) as Array<keyof NewAddressValues>).map((field) => (
              <TextField
                key={field}
                label={ADDRESS_FIELD_LABELS[field]}
                name={field}
                value={values.newAddress[field]}
                onChange={setAddress(field)}
                error={fieldError(field)}
                maxLength={field === 'country' ? 2 : field === 'postalCode' ? 20 : 200}
              />
            ))}
        </fieldset>
        <SubmitButton busy={busy} label="Authorize return" busyLabel="Authorizing…" />
      </Form>
    </section>
  );
}
