import { coverageRouteModules } from './coverage/routes/coverage-route-modules.ts';
import { caseRoutes } from './outreach/cases/case-routes.ts';
import { caseworkRoutes } from './outreach/casework/casework-routes.ts';
import { memberRoutes } from './outreach/members/member-routes.ts';
import { runRoutes } from './outreach/runs/run-routes.ts';
import { worklistRoutes } from './outreach/worklist/worklist-routes.ts';
import type { RouteModule } from './platform/http/route-module.ts';
import { prescriberRoutes } from './prescribers/routes/prescriber-routes.ts';
import { consentRoutes } from './privacy/consent-routes.ts';

/**
 * Every domain's HTTP routes, mounted in this order after the platform's own
 * (health, auth, audit, OpenAPI). Add your module with one line.
 */
export const routes: readonly RouteModule[] = [
  worklistRoutes,
  caseRoutes,
  memberRoutes,
  runRoutes,
  consentRoutes,
  caseworkRoutes,
  ...coverageRouteModules,
  prescriberRoutes,
];
