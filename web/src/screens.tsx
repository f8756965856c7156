import type { ReactNode } from 'react';
import { analyticsNav, analyticsScreen } from './analytics/analytics-screens.tsx';
import type { Me, Role } from './api/session.ts';
import { coverageNav, coverageScreen } from './coverage/coverage-screen.tsx';
import { familyNav, familyScreen } from './family/family-screens.tsx';
import { pharmacistNav, pharmacistScreen } from './pharmacist/pharmacist-screens.tsx';
import { portalNav, portalScreen } from './portal/portal-screens.tsx';
import { recoveryNav, recoveryScreen } from './recovery/recovery-screens.tsx';

/**
 * Screens other domains add to the app (coverage, portal, prescribers…): each gets the
 * path parts of a hash route the workspace does not know (`#/reviews` → ['reviews']) and
 * returns its screen, or undefined when the path is not its own. Add one line per domain.
 */
export const extraScreens: ReadonlyArray<(parts: readonly string[], me: Me) => ReactNode | undefined> = [
  coverageScreen,
  pharmacistScreen,
  recoveryScreen,
  familyScreen,
  analyticsScreen,
  portalScreen,
];

/** Navigation entries other domains add for a role: a label and a hash such as `#/reviews`. */
export const extraNav: ReadonlyArray<(role: Role) => Array<{ label: string; href: string }>> = [
  coverageNav,
  pharmacistNav,
  recoveryNav,
  familyNav,
  analyticsNav,
  portalNav,
];
