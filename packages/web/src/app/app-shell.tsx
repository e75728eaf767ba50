import { NavLink, Outlet } from 'react-router';

const navigation = [{ to: '/program-rules', label: 'Program rules' }];

export function AppShell() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand" aria-label="Recertify home">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Recertify
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            {navigation.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="shell-main">
        <Outlet />
      </main>
      <footer className="shell-footer">Recertify · Renewed seller program</footer>
    </div>
  );
}
