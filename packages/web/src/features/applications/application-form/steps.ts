import type { CriterionCode } from '@recertify/domain';

/** The form's steps, in order, and the eligibility criteria each one answers. */
export const STEPS = [
  { id: 'business', label: 'Business', criteria: ['BUSINESS_DETAILS', 'ODR'] },
  { id: 'refurbishment', label: 'Refurbishment', criteria: ['REFURBISHMENT'] },
  { id: 'catalog', label: 'Categories & brands', criteria: ['CATEGORIES_AND_BRANDS'] },
  { id: 'invoices', label: 'Invoices', criteria: ['QUALIFYING_PURCHASES', 'APPLE_PURCHASES'] },
  { id: 'images', label: 'Images', criteria: ['IMAGES'] },
  { id: 'warranty', label: 'Warranty & attestations', criteria: ['WARRANTY', 'QUALITY_POLICY'] },
  { id: 'review', label: 'Review & submit', criteria: [] },
] as const satisfies ReadonlyArray<{ id: string; label: string; criteria: readonly CriterionCode[] }>;

export type StepId = (typeof STEPS)[number]['id'];

export function isStepId(value: string | null): value is StepId {
  return STEPS.some((step) => step.id === value);
}

/** Where each field of the draft is edited. The inspection attestation sits with the other attestations. */
export const FIELD_STEPS: Readonly<Record<string, StepId>> = {
  legalName: 'business',
  contactName: 'business',
  contactEmail: 'business',
  sellerType: 'business',
  existingSeller: 'business',
  refurbisher: 'refurbishment',
  refurbisherName: 'refurbishment',
  categories: 'catalog',
  brands: 'catalog',
  appleRequested: 'catalog',
  productsHaveScreen: 'catalog',
  invoices: 'invoices',
  images: 'images',
  guaranteeAccepted: 'warranty',
  warrantyDays: 'warranty',
  inspectionAttested: 'warranty',
  qualityPolicyAccepted: 'warranty',
};

/**
 * The step that fixes a criterion. Refurbishment is answered on two steps: when only the
 * attestation is missing, the seller is sent to the attestations.
 */
export function stepForCriterion(criterion: string, missingFields: readonly string[] = []): StepId {
  if (
    criterion === 'REFURBISHMENT' &&
    missingFields.length > 0 &&
    missingFields.every((f) => f === 'inspectionAttested')
  ) {
    return 'warranty';
  }
  return STEPS.find((step) => (step.criteria as readonly string[]).includes(criterion))?.id ?? 'review';
}
