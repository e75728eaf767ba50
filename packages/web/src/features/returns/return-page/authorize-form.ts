import { cleanCustomRma, customRmaProblem } from '@recertify/domain';

/** A new return address as the seller types it. */
export interface NewAddressValues {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export const EMPTY_ADDRESS: NewAddressValues = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
};

export const ADDRESS_FIELD_LABELS: Readonly<Record<keyof NewAddressValues, string>> = {
  name: 'Addressee',
  line1: 'Street and number',
  line2: 'Suite, unit or building (optional)',
  city: 'City',
  region: 'State, province or region',
  postalCode: 'Postal code',
  country: 'Country code',
};

export interface AuthorizeFormValues {
  rmaChoice: 'GENERATED' | 'CUSTOM';
  customRma: string;
  addressChoice: 'DEFAULT' | 'SAVED' | 'NEW';
  savedAddressId: string;
  newAddress: NewAddressValues;
}

/** What the seller chose, ready to send: the API's authorize input. */
export interface AuthorizeChoice {
  /** The seller's own RMA, cleaned; absent for a generated one. */
  readonly customRma?: string;
  /** A saved address; absent for the default (or a new one). */
  readonly addressId?: string;
  readonly newAddress?: {
    readonly name: string;
    readonly line1: string;
    readonly line2: string | null;
    readonly city: string;
    readonly region: string;
    readonly postalCode: string;
    readonly country: string;
  };
}

export type AuthorizeFormResult =
  | { readonly ok: true; readonly choice: AuthorizeChoice }
  | { readonly ok: false; readonly fields: Readonly<Record<string, string>> };

/**
 * Checks the form before sending, with the domain's own RMA rule (the server checks it again and
 * also that the RMA is not used yet): field name -> message, or the input to send.
 */
export function authorizeChoiceOf(values: AuthorizeFormValues): AuthorizeFormResult {
  const fields: Record<string, string> = {};
  const choice: { -readonly [K in keyof AuthorizeChoice]: AuthorizeChoice[K] } = {};
  if (values.rmaChoice === 'CUSTOM') {
    const problem = customRmaProblem(values.customRma, 'rma');
    if (problem) fields['rma'] = problem.message;
    else choice.customRma = cleanCustomRma(values.customRma);
  }
  if (values.addressChoice === 'SAVED') {
    if (values.savedAddressId === '') fields['addressId'] = 'Choose one of your saved addresses.';
    else choice.addressId = values.savedAddressId;
  }
  if (values.addressChoice === 'NEW') {
    const address = values.newAddress;
    for (const key of ['name', 'line1', 'city', 'region', 'postalCode'] as const) {
      if (address[key].trim() === '') fields[key] = `Enter the ${ADDRESS_FIELD_LABELS[key].toLowerCase()}.`;
    }
    const country = address.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) fields['country'] = 'Enter the two-letter country code, e.g. US.';
    choice.newAddress = {
      name: address.name.trim(),
      line1: address.line1.trim(),
      line2: address.line2.trim() === '' ? null : address.line2.trim(),
      city: address.city.trim(),
      region: address.region.trim(),
      postalCode: address.postalCode.trim(),
      country,
    };
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, choice };
}
