import { CheckboxField, ListEditor } from '../fields';
import { setter, type FormApi } from '../form-api';

const CATEGORY_SUGGESTIONS = [
  'Cell phones',
  'Tablets',
  'Laptops',
  'Desktops',
  'Smartwatches',
  'Headphones',
  'Cameras',
  'Video game consoles',
  'Kitchen appliances',
  'Power tools',
];

export function CatalogStep({ form }: { form: FormApi }) {
  const { state, errors, policy } = form;
  return (
    <div className="step-fields">
      <ListEditor
        label="Categories you will sell in"
        itemName="category"
        items={state.categories}
        onChange={setter(form, 'categories')}
        error={errors['categories']}
        suggestions={CATEGORY_SUGGESTIONS}
        hint="At least one. Type a category and press Enter."
      />
      <ListEditor
        label="Brands you will sell"
        itemName="brand"
        items={state.brands}
        onChange={setter(form, 'brands')}
        error={errors['brands']}
        hint="At least one, as the brand appears on your invoices."
      />
      <CheckboxField
        label="The products have a screen"
        description="Phones, tablets, laptops, watches… A photo of a sample unit with its screen switched on is then required."
        checked={state.productsHaveScreen}
        onChange={setter(form, 'productsHaveScreen')}
        error={errors['productsHaveScreen']}
      />
      <CheckboxField
        label="Also ask for Apple-brand approval"
        description={`Apple products need their own approval: at least ${policy.appleQualifyingPurchasesMinimum.formatted} of Apple-brand refurbished purchases in the trailing ${policy.applePurchaseWindowDays} days, shown by lines of the brand "Apple" on your invoices. It is decided inside the approval and does not block submission.`}
        checked={state.appleRequested}
        onChange={setter(form, 'appleRequested')}
        error={errors['appleRequested']}
      />
    </div>
  );
}
