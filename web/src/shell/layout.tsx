import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, roleLabels, signOut } from '../api/session.ts';
import { LanguageSwitch } from '../portal/language-switch.tsx';
import { portalRoles } from '../portal/portal-screens.tsx';
import { hrefFor, type Route } from '../router.ts';
import { extraNav } from '../screens.tsx';
import { navFor } from './nav.ts';
import { useIdleSignOut } from './use-idle-sign-out.ts';

/** The frame around every screen: product name, the role's navigation, who is signed in. */
export function Layout({ me, route, children }: { me: Me; route: Route; children: ReactNode }) {
  const client = useQueryClient();
  useIdleSignOut(true);
  const items = navFor(me.role);
  // Members and families read in their language (remembered); staff screens are in English.
  const { t, i18n } = useTranslation();
  const portal = portalRoles.includes(me.role);
  const language = portal ? i18n.language : 'en';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const say = (key: string, english: string) => (portal ? t(key) : english);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {say('shell.skip', 'Skip to content')}
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
          {me.displayName ?? me.username} · {say(`shell.role.${me.role}`, roleLabels[me.role])}
        </span>
        {portal && <LanguageSwitch />}
        <button type="button" className="link" onClick={() => void signOut(client)}>
          {say('shell.signOut', 'Sign out')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
