import {
  decideAuthorization,
  returnSettingsProblems,
  type AuthorizationMode,
  type ReturnSettings,
  type SellerType,
} from '@recertify/domain';

/** A seller's return settings in one marketplace, as the form edits them (the API's field names). */
export interface ReturnSettingsValues {
  readonly automaticInPolicy: boolean;
  readonly automaticOutOfPolicy: boolean;
  readonly prepaidExemptSkus: readonly string[];
  readonly exemptSkuAuthorization: AuthorizationMode;
  readonly rmaPrefix: string | null;
}

export const RMA_PREFIX_MAX_LENGTH = 8;

/** The exempt SKUs typed one per line (or separated by commas): blank lines dropped, each trimmed. */
export function skusFromText(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((sku) => sku.trim())
    .filter((sku) => sku !== '');
}

/** What the RMA prefix field says is wrong, or null: capitals and digits, up to 8. */
export function rmaPrefixProblem(prefix: string): string | null {
  const value = prefix.trim();
  if (value === '') return null;
  if (value.length > RMA_PREFIX_MAX_LENGTH) {
    return `A prefix has at most ${RMA_PREFIX_MAX_LENGTH} characters; this one has ${value.length}.`;
  }
  if (!/^[A-Za-z0-9]+$/.test(value)) return 'A prefix holds only letters A-Z and digits.';
  return null;
}

/** Problems by field, with the domain's SKU rules; an empty object when the settings can be saved. */
export function settingsProblems(values: ReturnSettingsValues): Record<string, string> {
  const fields: Record<string, string> = {};
  const skuProblems = returnSettingsProblems(values).map((problem) => problem.message);
  if (skuProblems.length > 0) fields['prepaidExemptSkus'] = skuProblems.join(' ');
  const prefix = rmaPrefixProblem(values.rmaPrefix ?? '');
  if (prefix) fields['rmaPrefix'] = prefix;
  return fields;
}

export interface AuthorizationPreview {
  readonly situation: string;
  readonly explanation: string;
}

/**
 * What happens to the next requests under these settings, from the same rule the server applies
 * on arrival: an in-policy request, an out-of-policy one and one with an exempt SKU.
 */
export function authorizationPreview(sellerType: SellerType, values: ReturnSettingsValues): AuthorizationPreview[] {
  const settings: ReturnSettings = { ...values, sellerType, returnsProviderEnrolled: false };
  const inPolicy = { inPolicy: true, explanation: '' };
  const outOfPolicy = { inPolicy: false, explanation: '' };
  const plainItem = { items: [{ sku: '\u0000not-exempt' }] };
  const preview: AuthorizationPreview[] = [
    { situation: 'A request in policy', explanation: decideAuthorization(plainItem, settings, inPolicy).explanation },
    {
      situation: 'A request out of policy',
      explanation: decideAuthorization(plainItem, settings, outOfPolicy).explanation.trim(),
    },
  ];
  const [exempt] = values.prepaidExemptSkus;
  if (exempt !== undefined) {
    preview.push({
      situation: `A request in policy for ${exempt}`,
      explanation: decideAuthorization({ items: [{ sku: exempt }] }, settings, inPolicy).explanation,
    });
  }
  return preview;
}
