import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { i18n } from '../i18n/i18n.ts';
import { GoTo } from '../ui/go-to.tsx';
import { Notice } from '../ui/notice.tsx';
import { FamilyPage } from './family-page.tsx';

/** The supporter's screens: `#/family`. */
export function familyScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  if (parts[0] !== 'family') return undefined;
  return me.role === 'supporter' ? (
    <FamilyPage />
  ) : (
    <Notice title="Not part of your role's work">This page is for family members and supporters.</Notice>
  );
}

/** The supporter's navigation, in their language (read at each render of the layout). */
export function familyNav(role: Role): Array<{ label: string; href: string }> {
  if (role !== 'supporter') return [];
  return [
    { label: i18n.t('nav.family'), href: '#/family' },
    { label: i18n.t('nav.help'), href: '#/help' },
  ];
}

/** A supporter starts on their page. */
export function familyHome(me: Me): ReactNode | undefined {
  return me.role === 'supporter' ? <GoTo hash="#/family" /> : undefined;
}
