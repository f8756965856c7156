import type { ReactNode } from 'react';
import type { Me, Role } from '../api/session.ts';
import { Notice } from '../ui/notice.tsx';
import { FacilityMembersPage } from './facility-members-page.tsx';
import { RecoveryQueuePage } from './recovery-queue-page.tsx';

const queueRoles: readonly Role[] = ['case_manager', 'supervisor'];

/** Treatment and recovery screens: the recovery queue (`#/recovery`) and the facility's referred members (`#/referred`). */
export function recoveryScreen(parts: readonly string[], me: Me): ReactNode | undefined {
  const [head] = parts;
  if (head === 'recovery') return queueRoles.includes(me.role) ? <RecoveryQueuePage me={me} /> : <NotYours />;
  if (head === 'referred') return me.role === 'facility_staff' ? <FacilityMembersPage /> : <NotYours />;
  return undefined;
}

function NotYours() {
  return (
    <Notice title="Not part of your role's work">
      This screen is for another role. Use the links at the top of the page.
    </Notice>
  );
}

/** Navigation to the recovery screens, by role. */
export function recoveryNav(role: Role): Array<{ label: string; href: string }> {
  if (queueRoles.includes(role)) return [{ label: 'Recovery queue', href: '#/recovery' }];
  if (role === 'facility_staff') return [{ label: 'Referred members', href: '#/referred' }];
  return [];
}
