import { caseworkRoutes } from './outreach/casework/casework-routes.ts';
import type { RouteModule } from './platform/http/route-module.ts';

/**
 * Every domain's HTTP routes, mounted in this order after the platform's own
 * (health, auth, OpenAPI). Add your module with one line.
 */
export const routes: readonly RouteModule[] = [caseworkRoutes];
