import type { AppDeps } from '../../platform/http/route-module.ts';
import { PharmacyClientKeys } from '../pharmacy-check/pharmacy-check-clients.ts';
import { PharmacyCheckLog } from '../pharmacy-check/pharmacy-check-log.ts';
import { PharmacyCheckService } from '../pharmacy-check/pharmacy-check-service.ts';
import { type PrescriberDb, prescriberDb } from '../store/lock-in-store.ts';

/** What the prescribers routes share within one running app. */
export interface PrescriberServices {
  db: PrescriberDb;
  pharmacyCheck: PharmacyCheckService;
  clientKeys: PharmacyClientKeys;
  checkLog: PharmacyCheckLog;
}

/** Builds the shared services for an app; `close` stops timers and writes the queued check log. */
export function createPrescriberServices(deps: AppDeps): PrescriberServices & { close(): Promise<void> } {
  const db = prescriberDb(deps.store.db);
  const pharmacyCheck = new PharmacyCheckService(deps.store.db, deps.warehouse);
  const checkLog = new PharmacyCheckLog(deps.store.db);
  return {
    db,
    pharmacyCheck,
    clientKeys: new PharmacyClientKeys(db),
    checkLog,
    async close() {
      pharmacyCheck.close();
      await checkLog.flush();
    },
  };
}
