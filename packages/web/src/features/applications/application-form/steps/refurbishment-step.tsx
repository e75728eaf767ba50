import { TextField } from '../../../../ui/form';
import { TEXT_LIMITS } from '@recertify/domain';
import { RadioGroup } from '../fields';
import { setter, type FormApi } from '../form-api';

export function RefurbishmentStep({ form }: { form: FormApi }) {
  const { state, errors } = form;
  return (
    <div className="step-fields">
      <RadioGroup
        legend="Who refurbishes the units?"
        name="refurbisher"
        value={state.refurbisher}
        onChange={setter(form, 'refurbisher')}
        error={errors['refurbisher']}
        options={[
          {
            value: 'MANUFACTURER',
            label: 'The manufacturer',
            description: 'Units come refurbished by the brand itself.',
          },
          {
            value: 'THIRD_PARTY_REFURBISHER',
            label: 'A third-party refurbisher',
            description: 'Another company, or your own workshop, refurbishes the units.',
          },
        ]}
      />
      {state.refurbisher === 'THIRD_PARTY_REFURBISHER' && (
        <TextField
          label="Name of the refurbisher"
          name="refurbisherName"
          maxLength={TEXT_LIMITS.businessName}
          value={state.refurbisherName}
          onChange={setter(form, 'refurbisherName')}
          error={errors['refurbisherName']}
        />
      )}
      <p className="muted small">
        The attestation that every unit is inspected, cleaned, repaired and tested is given under{' '}
        <button type="button" className="link-button" onClick={() => form.goTo('warranty')}>
          Warranty &amp; attestations
        </button>
        .
      </p>
    </div>
  );
}
