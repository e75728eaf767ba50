import { ORGANIZATION_KIND_LABELS, ROLE_LABELS } from '../../../ui/labels';
import type { SignedInViewer } from '../viewer/viewer-state';

export function ProfileSummary({ viewer }: { viewer: SignedInViewer }) {
  return (
    <section className="card account-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{viewer.user.displayName}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{viewer.user.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[viewer.role]}</dd>
        </div>
        <div>
          <dt>Organization</dt>
          <dd>
            {viewer.organization ? (
              <>
                {viewer.organization.name}{' '}
                <span className="badge">{ORGANIZATION_KIND_LABELS[viewer.organization.kind].toLowerCase()}</span>
              </>
            ) : (
              'Program staff'
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
