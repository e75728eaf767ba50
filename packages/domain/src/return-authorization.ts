import type { SellerType } from './application.js';
import type { ReturnPolicyVerdict } from './return-policy.js';

/*
 * Who authorizes a return request, the system or the seller, and why (SPEC 6). One pure function
 * of the request, the seller's return settings and the policy verdict, so the arrival of a request,
 * the settings page's preview and the email all say the same thing.
 */

export const AUTHORIZATION_MODES = ['AUTOMATIC', 'MANUAL'] as const;
export type AuthorizationMode = (typeof AUTHORIZATION_MODES)[number];

export const AUTHORIZATION_MODE_LABELS: Readonly<Record<AuthorizationMode, string>> = {
  AUTOMATIC: 'Automatic',
  MANUAL: 'Manual review',
};

/**
 * The return label the buyer prints. UNPAID and PREPAID are PDFs the system generates (the buyer
 * pays the postage of an unpaid one; a prepaid one goes to the seller's returns provider);
 * UPLOADED is a prepaid label the seller uploads for one return.
 */
export const LABEL_KINDS = ['UNPAID', 'PREPAID', 'UPLOADED'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export const LABEL_KIND_LABELS: Readonly<Record<LabelKind, string>> = {
  UNPAID: 'Unpaid label (the buyer pays the postage)',
  PREPAID: "Prepaid label to the returns provider's warehouse",
  UPLOADED: "Seller's own prepaid label",
};

/** The rule that decided, one per row of SPEC 6's authorization list. */
export const AUTHORIZATION_REASONS = [
  'PROFESSIONAL_IN_POLICY',
  'INDIVIDUAL_AUTOMATIC',
  'INDIVIDUAL_MANUAL',
  'OUT_OF_POLICY_AUTOMATIC',
  'OUT_OF_POLICY_MANUAL',
  'EXEMPT_SKU_AUTOMATIC',
  'EXEMPT_SKU_MANUAL',
] as const;
export type AuthorizationReason = (typeof AUTHORIZATION_REASONS)[number];

/** A seller's return settings in one marketplace. */
export interface ReturnSettings {
  readonly sellerType: SellerType;
  /**
   * INDIVIDUAL sellers only: in-policy requests are authorized automatically instead of waiting
   * for review. A PROFESSIONAL seller's in-policy requests are always automatic (SPEC 6).
   */
  readonly automaticInPolicy: boolean;
  /** Out-of-policy requests are authorized automatically, with an unpaid label. */
  readonly automaticOutOfPolicy: boolean;
  /** SKUs exempted from the prepaid-label program, compared exactly as the seller wrote them. */
  readonly prepaidExemptSkus: readonly string[];
  /** How requests with an exempt SKU are authorized. */
  readonly exemptSkuAuthorization: AuthorizationMode;
  /** Enrolled with a returns provider in this marketplace (SPEC 7): labels go prepaid to its warehouse. */
  readonly returnsProviderEnrolled: boolean;
}

/** Settings before the seller has changed anything: only what SPEC 6 makes automatic is. */
export function defaultReturnSettings(sellerType: SellerType): ReturnSettings {
  return {
    sellerType,
    automaticInPolicy: false,
    automaticOutOfPolicy: false,
    prepaidExemptSkus: [],
    exemptSkuAuthorization: 'MANUAL',
    returnsProviderEnrolled: false,
  };
}

export interface ReturnAuthorizationRequest {
  readonly items: ReadonlyArray<{ readonly sku: string }>;
}

export interface AuthorizationDecision {
  readonly mode: AuthorizationMode;
  readonly reason: AuthorizationReason;
  /**
   * The label the buyer gets when the return is authorized as decided. In manual review the
   * seller may upload its own prepaid label instead.
   */
  readonly labelKind: LabelKind;
  /** The request's SKUs that are exempt from the prepaid-label program, in the request's order. */
  readonly exemptSkus: readonly string[];
  /** For the seller, in the email and on the return's page. */
  readonly explanation: string;
}

/**
 * Automatic or manual, and why (SPEC 6), the most specific rule first:
 * 1. a request with an exempt SKU the seller reviews manually waits for review, in policy or not;
 * 2. out of policy: automatic (unpaid label) only if the seller enabled it, else manual;
 * 3. in policy with an exempt SKU the seller authorizes automatically: automatic;
 * 4. in policy, PROFESSIONAL: automatic;
 * 5. in policy, INDIVIDUAL: manual unless the seller switched to automatic.
 * Labels: unpaid when out of policy or with an exempt SKU (it is not in the prepaid program),
 * prepaid to the returns provider when enrolled, unpaid otherwise (the default label).
 */
export function decideAuthorization(
  request: ReturnAuthorizationRequest,
  settings: ReturnSettings,
  policy: Pick<ReturnPolicyVerdict, 'inPolicy' | 'explanation'>,
): AuthorizationDecision {
  if (request.items.length === 0) throw new RangeError('a return request has at least one item');
  const exempt = new Set(settings.prepaidExemptSkus);
  const exemptSkus = [...new Set(request.items.map((item) => item.sku).filter((sku) => exempt.has(sku)))];
  const hasExemptSku = exemptSkus.length > 0;

  const labelKind: LabelKind =
    !policy.inPolicy || hasExemptSku ? 'UNPAID' : settings.returnsProviderEnrolled ? 'PREPAID' : 'UNPAID';
  const decide = (mode: AuthorizationMode, reason: AuthorizationReason): AuthorizationDecision => ({
    mode,
    reason,
    labelKind,
    exemptSkus,
    explanation: explain(reason, exemptSkus, policy),
  });

  if (hasExemptSku && settings.exemptSkuAuthorization === 'MANUAL') return decide('MANUAL', 'EXEMPT_SKU_MANUAL');
  if (!policy.inPolicy) {
    return settings.automaticOutOfPolicy
      ? decide('AUTOMATIC', 'OUT_OF_POLICY_AUTOMATIC')
      : decide('MANUAL', 'OUT_OF_POLICY_MANUAL');
  }
  if (hasExemptSku) return decide('AUTOMATIC', 'EXEMPT_SKU_AUTOMATIC');
  if (settings.sellerType === 'PROFESSIONAL') return decide('AUTOMATIC', 'PROFESSIONAL_IN_POLICY');
  return settings.automaticInPolicy
    ? decide('AUTOMATIC', 'INDIVIDUAL_AUTOMATIC')
    : decide('MANUAL', 'INDIVIDUAL_MANUAL');
}

/** The longest SKU a marketplace accepts, and how many a seller may exempt. */
export const SKU_MAX_LENGTH = 40;
export const PREPAID_EXEMPT_SKUS_MAX = 1000;

export interface ReturnSettingsProblem {
  /** A path in the settings: `prepaidExemptSkus` (the list) or `prepaidExemptSkus[3]`. */
  readonly field: string;
  readonly message: string;
}

/** What keeps the settings from being saved, in the order of the form; empty when they can be. */
export function returnSettingsProblems(settings: Pick<ReturnSettings, 'prepaidExemptSkus'>): ReturnSettingsProblem[] {
  const skus = settings.prepaidExemptSkus;
  if (skus.length > PREPAID_EXEMPT_SKUS_MAX) {
    return [
      {
        field: 'prepaidExemptSkus',
        message: `At most ${PREPAID_EXEMPT_SKUS_MAX} exempt SKUs; got ${skus.length}.`,
      },
    ];
  }
  const problems: ReturnSettingsProblem[] = [];
  const seen = new Set<string>();
  skus.forEach((sku, index) => {
    const field = `prepaidExemptSkus[${index}]`;
    if (sku.trim() === '') problems.push({ field, message: 'A SKU cannot be empty.' });
    else if (sku !== sku.trim()) problems.push({ field, message: `"${sku}" starts or ends with a space.` });
    else if (sku.length > SKU_MAX_LENGTH) {
      problems.push({ field, message: `A SKU has at most ${SKU_MAX_LENGTH} characters; this one has ${sku.length}.` });
    } else if (seen.has(sku)) problems.push({ field, message: `${sku} is listed twice.` });
    seen.add(sku);
  });
  return problems;
}

// --- internals -------------------------------------------------------------------------------

function explain(
  reason: AuthorizationReason,
  exemptSkus: readonly string[],
  policy: Pick<ReturnPolicyVerdict, 'explanation'>,
): string {
  const skus = `${exemptSkus.length === 1 ? 'SKU' : 'SKUs'} ${exemptSkus.join(', ')}`;
  const exemptWords = `${skus} ${exemptSkus.length === 1 ? 'is' : 'are'} exempt from the prepaid-label program`;
  switch (reason) {
    case 'PROFESSIONAL_IN_POLICY':
      return 'Authorized automatically: the in-policy returns of professional sellers are authorized automatically.';
    case 'INDIVIDUAL_AUTOMATIC':
      return 'Authorized automatically: you chose to authorize in-policy returns automatically.';
    case 'INDIVIDUAL_MANUAL':
      return 'Waiting for your review: you review in-policy returns yourself; you can switch to automatic authorization.';
    case 'OUT_OF_POLICY_AUTOMATIC':
      return `Authorized automatically with an unpaid label: you chose to authorize out-of-policy requests automatically. ${policy.explanation}`;
    case 'OUT_OF_POLICY_MANUAL':
      return `Waiting for your review: out-of-policy requests are reviewed by you. ${policy.explanation}`;
    case 'EXEMPT_SKU_AUTOMATIC':
      return `Authorized automatically with an unpaid label: ${exemptWords}, and you chose to authorize those automatically.`;
    case 'EXEMPT_SKU_MANUAL':
      return `Waiting for your review: ${exemptWords}, and you chose to review those yourself.`;
  }
}
