import { TextField } from '../../../../ui/form';
import { TEXT_LIMITS } from '@recertify/domain';
import { RadioGroup } from '../fields';
import { setter, type FormApi } from '../form-api';

export function BusinessStep({ form }: { form: FormApi }) {
  const { state, errors, marketplace } = form;
  return (
    <div className="step-fields">
      <TextField
        label="Legal name of the business"
        name="legalName"
        maxLength={TEXT_LIMITS.businessName}
        value={state.legalName}
        onChange={setter(form, 'legalName')}
        error={errors['legalName']}
        autoComplete="organization"
      />
      <div className="form-row">
        <TextField
          label="Contact person"
          name="contactName"
          maxLength={TEXT_LIMITS.personName}
          value={state.contactName}
          onChange={setter(form, 'contactName')}
          error={errors['contactName']}
          autoComplete="name"
        />
        <TextField
          label="Contact email"
          name="contactEmail"
          maxLength={TEXT_LIMITS.email}
          type="email"
          value={state.contactEmail}
          onChange={setter(form, 'contactEmail')}
          error={errors['contactEmail']}
          hint="Decisions on the application are emailed here."
          autoComplete="email"
        />
      </div>
      <RadioGroup
        legend="Seller type"
        name="sellerType"
        value={state.sellerType}
        onChange={setter(form, 'sellerType')}
        error={errors['sellerType']}
        options={[
          { value: 'PROFESSIONAL', label: 'Professional', description: 'A registered business selling as its trade.' },
          { value: 'INDIVIDUAL', label: 'Individual', description: 'A person selling on their own account.' },
        ]}
      />
      <RadioGroup
        legend={`Do you already sell in the ${marketplace.name} marketplace?`}
        name="existingSeller"
        value={state.existingSeller ? 'yes' : 'no'}
        onChange={(value) => setter(form, 'existingSeller')(value === 'yes')}
        error={errors['existingSeller']}
        hint="An existing seller's order defect rate (ODR: the share of orders with negative feedback, an A-to-z claim or a chargeback) over the trailing 90 days is checked; a new seller is monitored from its first order."
        options={[
          { value: 'no', label: 'No, this is a new seller account' },
          { value: 'yes', label: 'Yes, I already sell there' },
        ]}
      />
    </div>
  );
}
