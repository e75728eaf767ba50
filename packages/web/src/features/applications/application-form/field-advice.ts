import { findCriterion, type EligibilityReport } from '@recertify/domain';

/**
 * What the live checklist finds wrong with single fields, said at the field: a draft may be
 * incomplete, so saving keeps it, but once the seller saves, each field that would block
 * submission says so where it is typed ("nope" is not an email address; the legal name is
 * missing), not only in the checklist beside the form. Keys are the form's input keys.
 */
export function fieldAdviceOf(report: Pick<EligibilityReport, 'criteria'>): Record<string, string> {
  const advice: Record<string, string> = {};
  const business = findCriterion(report, 'BUSINESS_DETAILS');
  if (business) {
    const missing = new Set<string>(business.figures.missingFields);
    if (missing.has('legalName')) advice['legalName'] = 'Enter the legal name of the business: it is needed to submit.';
    if (missing.has('contactName')) advice['contactName'] = 'Enter a contact person: it is needed to submit.';
    if (missing.has('contactEmail'))
      advice['contactEmail'] = 'Enter the contact email: decisions on the application are sent there.';
    if (business.figures.contactEmailMalformed)
      advice['contactEmail'] = 'This is not an email address; enter one like name@example.com.';
    if (missing.has('sellerType')) advice['sellerType'] = 'Choose the seller type: it is needed to submit.';
  }
  const refurbishment = findCriterion(report, 'REFURBISHMENT');
  if (refurbishment) {
    const missing = new Set<string>(refurbishment.figures.missingFields);
    if (missing.has('refurbisher')) advice['refurbisher'] = 'Choose who refurbishes the units.';
    if (missing.has('refurbisherName')) advice['refurbisherName'] = "Enter the third-party refurbisher's name.";
    if (missing.has('inspectionAttested'))
      advice['inspectionAttested'] = 'Attest the inspection of every unit: it is needed to submit.';
  }
  const catalog = findCriterion(report, 'CATEGORIES_AND_BRANDS');
  if (catalog) {
    if (catalog.figures.categories === 0) advice['categories'] = 'Add at least one category.';
    if (catalog.figures.brands === 0) advice['brands'] = 'Add at least one brand.';
  }
  return advice;
}
