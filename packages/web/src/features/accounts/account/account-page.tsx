import type { ComponentType } from 'react';
import type { Role } from '../../../generated/graphql';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { ProviderApiKeysSection } from '../api-keys/provider-api-keys-section';
import { SellerApiKeysSection } from '../api-keys/seller-api-keys-section';
import { PeopleSection } from '../people/people-section';
import { useSignedInViewer } from '../viewer/viewer-context';
import type { SignedInViewer } from '../viewer/viewer-state';
import { ProfileSummary } from './profile-summary';
import { SessionsSection } from './sessions-section';

type AccountSection = ComponentType<{ viewer: SignedInViewer }>;

/** What each role manages from its account page, below the profile; everyone signed in gets Sessions. */
const SECTIONS: Readonly<Record<Role, readonly AccountSection[]>> = {
  SELLER: [PeopleSection, SellerApiKeysSection],
  REVIEWER: [],
  ADMIN: [ProviderApiKeysSection],
};

export function AccountPage() {
  usePageTitle('Account');
  const viewer = useSignedInViewer();
  return (
    <Page titleId="account-title" className="account-page" title="Account">
      <ProfileSummary viewer={viewer} />
      {SECTIONS[viewer.role].map((Section, index) => (
        <Section key={index} viewer={viewer} />
      ))}
      <SessionsSection />
    </Page>
  );
}
