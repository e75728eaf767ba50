import type { ExchangeRate } from '@recertify/domain';
import { useProgramRulesQuery } from './program-rules.generated';
import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { TermsGlossary } from '../../ui/terms';
import { MarketplacePolicyCard } from './marketplace-policy-card';

/** Every marketplace with the rules in force today and its version history. */
export function ProgramRules() {
  usePageTitle('Program rules');
  const { data, loading, error, refetch } = useProgramRulesQuery({ notifyOnNetworkStatusChange: true });

  return (
    <Page
      titleId="program-rules-title"
      title="Program rules"
      lede={
        <>
          What a seller needs to join and stay in the Renewed program, per marketplace. An application is judged by the
          version in force when it is submitted; thresholds are stated in US dollars and converted at the exchange rate
          of the invoice date.
        </>
      }
      below={<TermsGlossary />}
    >
      {loading && !data ? (
        <LoadingState label="Loading program rules…" />
      ) : error && !data ? (
        <ErrorState title="The program rules could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !data || data.marketplaces.length === 0 ? (
        <EmptyState title="No marketplaces yet">
          No marketplace has been set up. An admin adds marketplaces and their policy versions.
        </EmptyState>
      ) : (
        <div className="card-grid">
          {data.marketplaces.map((marketplace) => (
            <MarketplacePolicyCard
              key={marketplace.code}
              marketplace={marketplace}
              exchangeRates={data.exchangeRates as ExchangeRate[]}
            />
          ))}
        </div>
      )}
    </Page>
  );
}
