import { combineRoutes } from '../platform/http/route-module.ts';
import { caseRoutes } from './cases/case-routes.ts';
import { caseworkRoutes } from './casework/casework-routes.ts';
import { memberRoutes } from './members/member-routes.ts';
import { ruleCatalogRoutes } from './runs/rule-catalog-routes.ts';
import { runRoutes } from './runs/run-routes.ts';
import { worklistRoutes } from './worklist/worklist-routes.ts';

/** Every route of outreach: the worklist, cases and their work, the member view, identification runs and the rules they ran. */
export const outreachRoutes = combineRoutes('outreach', [
  worklistRoutes,
  caseRoutes,
  memberRoutes,
  runRoutes,
  ruleCatalogRoutes,
  caseworkRoutes,
]);
