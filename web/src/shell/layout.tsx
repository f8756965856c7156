import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type Me, roleLabels, signOut } from '../api/session.ts';
import { hrefFor, type Route } from '../router.ts';
import { extraNav } from '../screens.tsx';
import { navFor } from './nav.ts';
import { useIdleSignOut } from './use-idle-sign-out.ts';

/** The frame around every screen: product name, the role's navigation, who is signed in. */
export function Layout({ me, route, children }: { me: Me; route: Route; children: ReactNode }) {
  const client = useQueryClient();
  useIdleSignOut(true);
  const items = navFor(me.role);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Checkpoint</span>
        <nav aria-label="Main">
          {items.map((item) => (
            <a
              key={item.label}
              href={hrefFor(item.route)}
              aria-current={item.route.kind === route.kind ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
          {extraNav
            .flatMap((entries) => entries(me.role))
            .map((entry) => (
              <a
                key={entry.href}
                href={entry.href}
                aria-current={window.location.hash === entry.href ? 'page' : undefined}
              >
                {entry.label}
              </a>
            ))}
        </nav>
        <span className="who">
          {me.displayName ?? me.username} · {roleLabels[me.role]}
        </span>
        <button type="button" className="link" onClick={() => void signOut(client)}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
