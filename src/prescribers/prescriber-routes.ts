import type { RouteModule } from '../platform/http/route-module.ts';
import { registerLetterLinkRoutes } from './letters/letter-link-routes.ts';
import { registerLetterRoutes } from './letters/letter-routes.ts';
import { registerLockInRoutes } from './lock-in/lock-in-routes.ts';
import { registerPharmacyCheckRoutes } from './pharmacy-check/pharmacy-check-routes.ts';
import type { PrescriberServices } from './prescriber-services.ts';

/** Prescriber monitoring, letters, lock-in and the pharmacy check, with their shared in-memory services. */
export function prescriberRoutes(services: PrescriberServices): RouteModule {
  return {
    name: 'prescribers',
    register(app) {
      // Load the check's index before serving, so no claim waits on the warehouse or the store.
      app.addHook('onReady', async () => {
        await services.pharmacyCheck.index();
      });
      app.addHook('onClose', () => services.close());
      registerLetterRoutes(app);
      registerLetterLinkRoutes(app, services);
      registerLockInRoutes(app, services);
      registerPharmacyCheckRoutes(app, services);
    },
  };
}
