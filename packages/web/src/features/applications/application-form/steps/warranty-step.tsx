import { TextField } from '../../../../ui/form';
import { CheckboxField } from '../fields';
import { setter, type FormApi } from '../form-api';

export function WarrantyStep({ form }: { form: FormApi }) {
  const { state, errors, policy } = form;
  const minimumDays = policy.warranty.kind === 'MINIMUM_DAYS' ? policy.warranty.minimumDays : null;
  return (
    <div className="step-fields">
      <h3 className="step-subtitle">Warranty</h3>
      {policy.warranty.kind === 'MINIMUM_DAYS' ? (
        <TextField
          label="Warranty length, in days from purchase"
          name="warrantyDays"
          inputMode="numeric"
          value={state.warrantyDays}
          onChange={setter(form, 'warrantyDays')}
          error={errors['warrantyDays']}
          hint={`At least ${minimumDays ?? '?'} days in ${form.marketplace.name}.`}
          className="input-short"
        />
      ) : (
        <CheckboxField
          label="I accept the Renewed Guarantee"
          description="Buyers may return a Renewed product that does not work or look like new and get a replacement or a refund, as the program's guarantee says."
          checked={state.guaranteeAccepted}
          onChange={setter(form, 'guaranteeAccepted')}
          error={errors['guaranteeAccepted']}
        />
      )}
      <h3 className="step-subtitle">Attestations</h3>
      <CheckboxField
        label="Every unit is inspected, cleaned, repaired where needed, and tested to work and look like new"
        description="We attest this for every unit we sell as Renewed."
        checked={state.inspectionAttested}
        onChange={setter(form, 'inspectionAttested')}
        error={errors['inspectionAttested']}
      />
      <CheckboxField
        label={`I accept the program's quality policy (version ${policy.version})`}
        description="Your Renewed Quality Scores (RQS: the share of orders with no reported defect, per offer and for your account) and average rating are watched continuously; falling below the thresholds can suspend listings."
        checked={state.qualityPolicyAccepted}
        onChange={setter(form, 'qualityPolicyAccepted')}
        error={errors['qualityPolicyAccepted']}
      />
    </div>
  );
}
