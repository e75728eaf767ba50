import { isMarketplaceCode, MARKETPLACES, type MarketplaceCode } from '@recertify/domain';
import { Link, useSearchParams } from 'react-router';
import { MarketplaceSelect } from '../../../ui/marketplace-select';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { ErrorState, LoadingState } from '../../../ui/states';
import '../returns.css';
import { RETURNS_PATH } from '../returns-paths';
import { AddressesSection } from './addresses-section';
import { EmailSettingsSection } from './email-settings-section';
import { MarketplaceSettingsForm } from './marketplace-settings-form';
import {
  MarketplaceReturnSettingsDocument,
  ReturnAddressesDocument,
  useMarketplaceReturnSettingsQuery,
  useRemoveReturnAddressMutation,
  useReturnAddressesQuery,
  useReturnEmailSettingsQuery,
  useSaveReturnAddressMutation,
  useSetDefaultReturnAddressMutation,
  useUpdateReturnEmailSettingsMutation,
  useUpdateReturnSettingsMutation,
} from './return-settings.generated';

/**
 * /returns/settings (SPEC 6, the seed's "Return Settings"): who authorizes what and the RMA format
 * in each marketplace (?marketplace=CA), the saved return addresses, and the request emails.
 */
export function ReturnSettingsPage() {
  usePageTitle('Return settings');
  return (
    <Page
      titleId="return-settings-title"
      className="rt-return-page"
      above={
        <p className="rt-breadcrumb">
          <Link to={RETURNS_PATH}>← Returns</Link>
        </p>
      }
      title="Return settings"
    >
      <MarketplaceSettingsCard />
      <AddressesCard />
      <EmailSettingsCard />
    </Page>
  );
}

/** The marketplace in the address (?marketplace=), US when it names none or no marketplace. */
function useChosenMarketplace(): [MarketplaceCode, (code: MarketplaceCode) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('marketplace') ?? '';
  const marketplace = isMarketplaceCode(asked) ? asked : 'US';
  return [
    marketplace,
    (code) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('marketplace', code);
          return next;
        },
        { replace: true },
      ),
  ];
}

function MarketplaceSettingsCard() {
  const [marketplace, setMarketplace] = useChosenMarketplace();
  const variables = { marketplace };
  const { data, loading, error, refetch } = useMarketplaceReturnSettingsQuery({
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const [update] = useUpdateReturnSettingsMutation();
  // A query for another marketplace may still answer: show only this marketplace's settings.
  const settings = data?.returnSettings.marketplace === marketplace ? data.returnSettings : undefined;
  return (
    <section className="card rt-section" aria-labelledby="rt-authorization-title">
      <h2 id="rt-authorization-title">Authorization and RMA numbers</h2>
      <MarketplaceSelect className="field rt-marketplace-picker" value={marketplace} onChange={setMarketplace} />
      {loading && !settings ? (
        <LoadingState label={`Loading your settings in ${MARKETPLACES[marketplace].name}…`} />
      ) : !settings ? (
        <ErrorState
          title={`Your settings in ${MARKETPLACES[marketplace].name} could not be loaded`}
          error={error}
          onRetry={() => void refetch()}
        />
      ) : (
        <MarketplaceSettingsForm
          // A fresh form per marketplace; saving keeps it (it already shows what was saved).
          key={marketplace}
          sellerType={settings.sellerType}
          settings={settings}
          onSave={(values) =>
            update({
              variables: {
                input: {
                  marketplace,
                  automaticInPolicy: values.automaticInPolicy,
                  automaticOutOfPolicy: values.automaticOutOfPolicy,
                  prepaidExemptSkus: [...values.prepaidExemptSkus],
                  exemptSkuAuthorization: values.exemptSkuAuthorization,
                  rmaPrefix: values.rmaPrefix,
                },
              },
              // The defaults have no stored row: point the marketplace's query at the saved one.
              update: (cache, { data: saved }) => {
                if (!saved) return;
                cache.writeQuery({
                  query: MarketplaceReturnSettingsDocument,
                  variables,
                  data: { returnSettings: saved.updateReturnSettings },
                });
              },
            })
          }
        />
      )}
    </section>
  );
}

function AddressesCard() {
  const { data, loading, error, refetch } = useReturnAddressesQuery({ fetchPolicy: 'cache-and-network' });
  // Saving, a new default or a removal reorders the list: read it again before the action settles.
  const refetchList = { refetchQueries: [ReturnAddressesDocument], awaitRefetchQueries: true };
  const [save] = useSaveReturnAddressMutation(refetchList);
  const [makeDefault] = useSetDefaultReturnAddressMutation(refetchList);
  const [remove] = useRemoveReturnAddressMutation(refetchList);
  const addresses = data?.returnAddresses;
  if (loading && !addresses) return <LoadingState label="Loading your return addresses…" />;
  if (!addresses) {
    return (
      <ErrorState title="Your return addresses could not be loaded" error={error} onRetry={() => void refetch()} />
    );
  }
  return (
    <AddressesSection
      addresses={addresses}
      onAdd={(address, asDefault) => save({ variables: { input: { ...address, makeDefault: asDefault } } })}
      onMakeDefault={(id) => makeDefault({ variables: { id } })}
      onRemove={(id) => remove({ variables: { id } })}
    />
  );
}

function EmailSettingsCard() {
  const { data, loading, error, refetch } = useReturnEmailSettingsQuery({ fetchPolicy: 'cache-and-network' });
  const [update] = useUpdateReturnEmailSettingsMutation();
  const settings = data?.returnEmailSettings;
  if (loading && !settings) return <LoadingState label="Loading your email settings…" />;
  if (!settings) {
    return <ErrorState title="Your email settings could not be loaded" error={error} onRetry={() => void refetch()} />;
  }
  return (
    <EmailSettingsSection
      // A fresh form for each saved version of the settings.
      key={settings.id}
      settings={settings}
      onSave={({ receiveRequestEmails, recipientEmail, includeActionLinks }) =>
        update({ variables: { input: { receiveRequestEmails, recipientEmail, includeActionLinks } } })
      }
    />
  );
}
