import { combineRoutes } from '../platform/http/route-module.ts';
import { accessHistoryRoutes } from './access-history-routes.ts';
import { accountRoutes } from './account-routes.ts';
import { consentRoutes } from './consent-routes.ts';
import { supportNetworkRoutes } from './support-network-routes.ts';

/** Every route of privacy: consents, the support network, who looked at a member's record, accounts for members and supporters. */
export const privacyRoutes = combineRoutes('privacy', [
  consentRoutes,
  supportNetworkRoutes,
  accessHistoryRoutes,
  accountRoutes,
]);
