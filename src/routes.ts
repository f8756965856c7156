import { coverageRoutes } from './coverage/coverage-routes.ts';
import { measuresRoutes } from './measures/measures-routes.ts';
import { outreachRoutes } from './outreach/outreach-routes.ts';
import type { DataStores } from './platform/http/request-access.ts';
import type { RouteModule } from './platform/http/route-module.ts';
import { prescriberRoutes } from './prescribers/prescriber-routes.ts';
import { createPrescriberServices } from './prescribers/prescriber-services.ts';
import { privacyRoutes } from './privacy/privacy-routes.ts';
import { recoveryRoutes } from './recovery/recovery-routes.ts';

/**
 * Every domain's HTTP routes, one line per domain, mounted in this order after the
 * platform's own (health, auth, audit, OpenAPI). Services that answer without a session
 * (the pharmacy check, prescribers' letter links) are built here, where the stores are.
 */
export function domainRoutes(stores: DataStores): readonly RouteModule[] {
  return [
    outreachRoutes,
    privacyRoutes,
    coverageRoutes,
    prescriberRoutes(createPrescriberServices(stores)),
    recoveryRoutes,
    measuresRoutes,
  ];
}
