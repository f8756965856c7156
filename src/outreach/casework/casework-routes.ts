import { combineRoutes, type RouteModule } from '../../platform/http/route-module.ts';
import { attemptRoutes } from './attempt-routes.ts';
import { caseFhirRoutes } from './fhir-routes.ts';
import { lifecycleRoutes } from './lifecycle-routes.ts';
import { referralRoutes } from './referral-routes.ts';
import { supervisorRoutes } from './supervisor-routes.ts';
import { worklistSearchRoutes } from './worklist-search-routes.ts';
import { worklistWorkRoutes } from './worklist-work-routes.ts';

const modules: readonly RouteModule[] = [
  worklistWorkRoutes,
  worklistSearchRoutes,
  attemptRoutes,
  referralRoutes,
  lifecycleRoutes,
  supervisorRoutes,
  caseFhirRoutes,
];

/** Every casework route (attempts, referrals, lifecycle, supervisors, FHIR views), mounted as one module. */
export const caseworkRoutes = combineRoutes('outreach-casework', modules);
