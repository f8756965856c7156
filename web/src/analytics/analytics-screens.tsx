import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { GoTo } from '../ui/go-to.tsx';
import { Notice } from '../ui/notice.tsx';
import { DashboardPage } from './dashboard-page.tsx';

const readers: readonly Role[] = ['analyst', 'supervisor'];

/** `#/measures`: the program dashboard. */
export function analyticsScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  if (parts[0] !== 'measures') return undefined;
  return readers.includes(me.role) ? (
    <DashboardPage />
  ) : (
    <Notice title="Not part of your role's work">
      The program measures are for analysts and supervisors.
    </Notice>
  );
}

export function analyticsNav(role: Role): Array<{ label: string; href: string }> {
  return readers.includes(role) ? [{ label: 'Program measures', href: '#/measures' }] : [];
}

/** An analyst starts on the dashboard. */
export function analyticsHome(me: Me): ReactNode | undefined {
  return me.role === 'analyst' ? <GoTo hash="#/measures" /> : undefined;
}
