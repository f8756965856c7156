import { combineRoutes } from '../platform/http/route-module.ts';
import { detoxRoutes } from './detox/detox-routes.ts';
import { fhirPasRoutes } from './fhir/fhir-pas-routes.ts';
import { planDirectoryRoutes } from './network/plan-directory-routes.ts';
import { memberCoverageRoutes } from './plans/member-coverage-routes.ts';
import { preauthRoutes } from './preauth/preauth-routes.ts';

/** Every route of the coverage domain: plans and the directory, a member's coverage, preauthorization, PAS, detox. */
export const coverageRoutes = combineRoutes('coverage', [
  planDirectoryRoutes,
  memberCoverageRoutes,
  preauthRoutes,
  fhirPasRoutes,
  detoxRoutes,
]);
