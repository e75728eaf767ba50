import {
  evaluateEligibility,
  orderDataFor,
  type EligibilityReport,
  type ExchangeRate,
  type MarketplaceCode,
  type PolicyVersion,
} from '@recertify/domain';
import type { EligibilityExchangeRateFragment } from './eligibility-policy.generated';
import { toApplicationInput, type ApplicationFormState } from '../application-form/form-state';

export function toDomainRates(rates: readonly EligibilityExchangeRateFragment[]): ExchangeRate[] {
  return rates.map(({ base, quote, validFrom, rate }) => ({ base, quote, validFrom, rate }));
}

export interface LiveEligibilityInput {
  readonly state: ApplicationFormState;
  readonly marketplace: MarketplaceCode;
  readonly policy: PolicyVersion;
  readonly exchangeRates: readonly ExchangeRate[];
  readonly now: Date;
}

/** The report the server would store if the form were saved and submitted at `now`: the same function, the same inputs. */
export function evaluateForm({
  state,
  marketplace,
  policy,
  exchangeRates,
  now,
}: LiveEligibilityInput): EligibilityReport {
  return evaluateEligibility({
    application: toApplicationInput(state, marketplace),
    policy,
    exchangeRates,
    orders: orderDataFor(state.existingSeller),
    now,
  });
}
