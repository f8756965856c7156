import type { RouteModule } from '../../platform/http/route-module.ts';
import { coverageRoutes } from './coverage-routes.ts';
import { detoxRoutes } from './detox-routes.ts';
import { fhirPasRoutes } from './fhir-pas-routes.ts';
import { memberCoverageRoutes } from './member-coverage-routes.ts';
import { preauthRoutes } from './preauth-routes.ts';

/** Every route module of the coverage domain, spread into `src/routes.ts` in one line. */
export const coverageRouteModules: readonly RouteModule[] = [
  coverageRoutes,
  memberCoverageRoutes,
  preauthRoutes,
  fhirPasRoutes,
  detoxRoutes,
];
