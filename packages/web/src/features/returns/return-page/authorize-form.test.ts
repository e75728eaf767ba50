import { describe, expect, it } from 'vitest';
import { authorizeChoiceOf, EMPTY_ADDRESS, type AuthorizeFormValues } from './authorize-form';

const generated: AuthorizeFormValues = {
  rmaChoice: 'GENERATED',
  customRma: '',
  addressChoice: 'DEFAULT',
  savedAddressId: '',
  newAddress: EMPTY_ADDRESS,
};

describe('authorizeChoiceOf', () => {
  it('sends nothing for a generated RMA to the default address', () => {
    expect(authorizeChoiceOf(generated)).toEqual({ ok: true, choice: {} });
  });

  it.each([
    ['', 'Enter your RMA number, or use the generated one.'],
    ['AB1', 'An RMA number has at least 4 characters; "AB1" has 3.'],
    ['AB 12', 'An RMA number may hold only letters A-Z, digits, hyphens and underscores; " " is not allowed.'],
    ['-AB12', 'An RMA number starts and ends with a letter or a digit.'],
  ])('refuses the own RMA %j with the rule of the domain', (rma, message) => {
    expect(authorizeChoiceOf({ ...generated, rmaChoice: 'CUSTOM', customRma: rma })).toEqual({
      ok: false,
      fields: { rma: message },
    });
  });

  it('sends an own RMA cleaned, and a saved address by id', () => {
    expect(
      authorizeChoiceOf({
        ...generated,
        rmaChoice: 'CUSTOM',
        customRma: ' ab-1234 ',
        addressChoice: 'SAVED',
        savedAddressId: 'addr-2',
      }),
    ).toEqual({ ok: true, choice: { customRma: 'AB-1234', addressId: 'addr-2' } });
    expect(authorizeChoiceOf({ ...generated, addressChoice: 'SAVED' })).toEqual({
      ok: false,
      fields: { addressId: 'Choose one of your saved addresses.' },
    });
  });

  it('names every missing field of a new address, and sends a complete one trimmed', () => {
    const missing = authorizeChoiceOf({ ...generated, addressChoice: 'NEW' });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && Object.keys(missing.fields)).toEqual([
      'name',
      'line1',
      'city',
      'region',
      'postalCode',
      'country',
    ]);
    expect(
      authorizeChoiceOf({
        ...generated,
        addressChoice: 'NEW',
        newAddress: {
          name: ' Returns desk ',
          line1: '1 Main St',
          line2: ' ',
          city: 'Austin',
          region: 'TX',
          postalCode: '78701',
          country: 'us',
        },
      }),
    ).toEqual({
      ok: true,
      choice: {
        newAddress: {
          name: 'Returns desk',
          line1: '1 Main St',
          line2: null,
          city: 'Austin',
          region: 'TX',
          postalCode: '78701',
          country: 'US',
        },
      },
    });
  });
});
