import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { i18n } from '../i18n/i18n.ts';
import { Notice } from '../ui/notice.tsx';
import { CheckInPage } from './check-in-page.tsx';
import { CrisisBanner } from './crisis-lines.tsx';
import { MemberHomePage } from './member-home-page.tsx';
import { WithMemberId } from './portal-pages.tsx';
import { PrivacyPage } from './privacy-page.tsx';

const pages: Record<string, (memberId: string) => ReactNode> = {
  home: (id) => <MemberHomePage memberId={id} />,
  'check-in': (id) => <CheckInPage memberId={id} />,
  privacy: (id) => <PrivacyPage memberId={id} />,
};

/** The member app's own screens: `#/home`, `#/check-in`, `#/privacy` (web/src/screens.tsx). */
export function portalScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  const page = pages[parts[0] ?? ''];
  if (!page || parts.length !== 1) return undefined;
  return me.role === 'member' ? (
    <>
      <CrisisBanner />
      <WithMemberId>{page}</WithMemberId>
    </>
  ) : (
    <Notice title="Not part of your role's work">This page is for members.</Notice>
  );
}

/** The member's navigation, in the member's language (read at each render of the layout). */
export function portalNav(role: Role): Array<{ label: string; href: string }> {
  if (role !== 'member') return [];
  const t = i18n.t.bind(i18n);
  return [
    { label: t('nav.home'), href: '#/home' },
    { label: t('nav.checkIn'), href: '#/check-in' },
    { label: t('nav.myPlan'), href: '#/my-plan' },
    { label: t('nav.findCare'), href: '#/my-care' },
    { label: t('nav.authorizations'), href: '#/my-authorizations' },
    { label: t('nav.privacy'), href: '#/privacy' },
    { label: t('nav.help'), href: '#/help' },
  ];
}

/** Roles whose screens are offered in the member's language. */
export const portalRoles: readonly Role[] = ['member', 'supporter'];
