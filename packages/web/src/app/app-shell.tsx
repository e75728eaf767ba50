import { useRef, useState } from 'react';
import { NavLink, useNavigation, useOutlet } from 'react-router';
import { useSignOut } from '../features/accounts/viewer/session';
import { useViewer } from '../features/accounts/viewer/viewer-context';
import { describeSignedIn, type SignedInViewer } from '../features/accounts/viewer/viewer-state';
import { useFocusHeadingOnNavigation } from '../ui/heading-focus';
import { navigationFor } from './navigation';
import { FirstPageLoading, NavigationProgress } from './route-loading';

export function AppShell() {
  const viewer = useViewer();
  const items = navigationFor(viewer);
  const firstEnd = items.findIndex((item) => item.placement === 'end');
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(mainRef);
  // Phones: the navigation and who is signed in fold behind a Menu button, so the header is one row.
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = () => setMenuOpen(false);
  // Null while the first page's code loads (the router renders the shell as its hydrate fallback).
  const page = useOutlet();
  const navigating = useNavigation().state === 'loading';
  return (
    <div className="shell">
      <NavigationProgress />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand" aria-label="Recertify home" onClick={closeMenu}>
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          Recertify
        </NavLink>
        <button
          type="button"
          className="menu-toggle button button-secondary button-small"
          aria-expanded={menuOpen}
          aria-controls="shell-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? 'Close menu' : 'Menu'}
        </button>
        <div id="shell-menu" className={menuOpen ? 'shell-menu is-open' : 'shell-menu'}>
          <nav aria-label="Main" className="shell-nav">
            <ul className="nav-list">
              {items.map((item, index) => (
                <li key={item.to} className={index === firstEnd ? 'nav-push' : undefined}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                    onClick={closeMenu}
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {viewer.status === 'signed-in' && <SignedInBox viewer={viewer} />}
        </div>
      </header>
      <main id="main" className="shell-main" ref={mainRef} aria-busy={page === null || navigating}>
        {page ?? <FirstPageLoading />}
      </main>
      <footer className="shell-footer">Recertify · Renewed seller program</footer>
    </div>
  );
}

/** Who is signed in, and the way out. */
function SignedInBox({ viewer }: { viewer: SignedInViewer }) {
  const { signOut, busy, error } = useSignOut();
  const { name, affiliation } = describeSignedIn(viewer);
  return (
    <div className="viewer-box">
      <p className="viewer-who">
        <span className="visually-hidden">Signed in as </span>
        <span className="viewer-name">{name}</span>
        <span className="viewer-affiliation">{affiliation}</span>
      </p>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void signOut()}
      >
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      {error && (
        <p className="viewer-error" role="alert">
          Could not sign out: {error}
        </p>
      )}
    </div>
  );
}
