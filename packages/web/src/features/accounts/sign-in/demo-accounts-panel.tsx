import type { DemoAccountFieldsFragment } from './sign-in.generated';
import { ROLE_LABELS } from '../../../ui/role-labels';

interface Props {
  /** What appInfo says of the installation, in embedded mode. */
  info: DemoAccountFieldsFragment;
  /** Fills the sign-in form with this account. */
  onUse: (account: { email: string; password: string }) => void;
}

/**
 * Embedded mode only: the seeded demo accounts, one button each to fill the sign-in form. The sign-in
 * page loads this module only when appInfo says the installation is embedded, so production
 * installations never download it.
 */
export default function DemoAccountsPanel({ info, onUse }: Props) {
  const password = info.demoPassword ?? '';
  return (
    <aside className="card demo-panel" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <p className="muted">
        This installation runs with demo data. Every demo account signs in with the password{' '}
        <code className="demo-password">{password}</code>.
      </p>
      {info.demoAccounts.length === 0 ? (
        <p className="notice">No demo accounts were seeded.</p>
      ) : (
        <ul className="demo-list">
          {info.demoAccounts.map((account) => (
            <li key={account.email}>
              <div className="demo-account">
                <span className="demo-description">
                  <span className="badge">{ROLE_LABELS[account.role]}</span> {account.description}
                </span>
                <code className="demo-email">{account.email}</code>
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Use ${account.email}`}
                onClick={() => onUse({ email: account.email, password })}
              >
                Use
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
