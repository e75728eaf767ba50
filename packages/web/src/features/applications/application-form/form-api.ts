import type { CurrencyCode, EligibilityReport } from '@recertify/domain';
import type { EligibilityPolicyFieldsFragment } from '../eligibility/eligibility-policy.generated';
import type { MarketplaceCode } from '../../../generated/graphql';
import type { ApplicationFormState } from './form-state';
import type { StepId } from './steps';

/** What every step of the form gets: the values, a way to change them, and what is wrong where. */
export interface FormApi {
  readonly state: ApplicationFormState;
  /** Applies a change and clears the messages of the inputs it names (they are being fixed). */
  readonly update: (change: (state: ApplicationFormState) => ApplicationFormState, ...clears: string[]) => void;
  /** Messages by input key (see error-paths.ts). */
  readonly errors: Readonly<Record<string, string>>;
  readonly marketplace: { readonly code: MarketplaceCode; readonly name: string; readonly currency: CurrencyCode };
  /** The policy in force, with its amounts formatted for people. */
  readonly policy: EligibilityPolicyFieldsFragment;
  /** The live eligibility of what is typed now. */
  readonly report: EligibilityReport;
  readonly goTo: (step: StepId) => void;
}

/** `update` for one top-level field: sets it and clears its message. */
export function setter<K extends keyof ApplicationFormState>(form: FormApi, name: K) {
  return (value: ApplicationFormState[K]) => form.update((state) => ({ ...state, [name]: value }), name);
}
