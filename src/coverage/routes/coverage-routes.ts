import { combineRoutes } from '../../platform/http/route-module.ts';
import { detoxRoutes } from './detox-routes.ts';
import { fhirPasRoutes } from './fhir-pas-routes.ts';
import { memberCoverageRoutes } from './member-coverage-routes.ts';
import { planDirectoryRoutes } from './plan-directory-routes.ts';
import { preauthRoutes } from './preauth-routes.ts';

/** Every route of the coverage domain: plans and the directory, a member's coverage, preauthorization, PAS, detox. */
export const coverageRoutes = combineRoutes('coverage', [
  planDirectoryRoutes,
  memberCoverageRoutes,
  preauthRoutes,
  fhirPasRoutes,
  detoxRoutes,
]);
