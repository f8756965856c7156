import type { Role } from '../api/session.ts';
import type { Route } from '../router.ts';

export interface NavItem {
  label: string;
  route: Route;
}

/** What each role's navigation offers: only the screens the role may use. */
export function navFor(role: Role): NavItem[] {
  switch (role) {
    case 'case_manager':
      return [{ label: 'Worklist', route: { kind: 'worklist' } }];
    case 'supervisor':
      return [
        { label: 'Worklist', route: { kind: 'worklist' } },
        { label: 'Caseloads', route: { kind: 'supervisor' } },
      ];
    default:
      return [];
  }
}

/** Whether the role works outreach cases in this workspace. */
export function worksCases(role: Role): boolean {
  return role === 'case_manager' || role === 'supervisor';
}
