import { Link } from 'react-router';
import { usePageTitle } from '../../../ui/page-title';
import { ErrorState, LoadingState } from '../../../ui/states';
import '../returns.css';
import { RETURNS_PATH } from '../returns-paths';
import { EmailSettingsSection } from './email-settings-section';
import { useReturnEmailSettingsQuery, useUpdateReturnEmailSettingsMutation } from './return-settings.generated';

/** /returns/settings: how the seller hears of new return requests. */
export function ReturnSettingsPage() {
  usePageTitle('Return settings');
  const { data, loading, error, refetch } = useReturnEmailSettingsQuery({ fetchPolicy: 'cache-and-network' });
  const [update] = useUpdateReturnEmailSettingsMutation();
  const settings = data?.returnEmailSettings;
  return (
    <section className="page rt-return-page" aria-labelledby="return-settings-title">
      <header className="page-header">
        <p className="rt-breadcrumb">
          <Link to={RETURNS_PATH}>← Returns</Link>
        </p>
        <h1 tabIndex={-1} id="return-settings-title">
          Return settings
        </h1>
      </header>
      {loading && !settings ? (
        <LoadingState label="Loading your settings…" />
      ) : !settings ? (
        <ErrorState title="Your settings could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : (
        <EmailSettingsSection
          // A fresh form for each saved version of the settings.
          key={settings.id}
          settings={settings}
          onSave={({ receiveRequestEmails, recipientEmail, includeActionLinks }) =>
            update({ variables: { input: { receiveRequestEmails, recipientEmail, includeActionLinks } } })
          }
        />
      )}
    </section>
  );
}
