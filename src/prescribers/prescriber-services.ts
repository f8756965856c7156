import type { DataStores } from '../platform/http/request-access.ts';
import { LetterLinks } from './letters/letter-links.ts';
import { prescriberDb } from './lock-in/lock-in-store.ts';
import { PharmacyClientKeys } from './pharmacy-check/pharmacy-check-clients.ts';
import { PharmacyCheckLog } from './pharmacy-check/pharmacy-check-log.ts';
import { PharmacyCheckService } from './pharmacy-check/pharmacy-check-service.ts';

/**
 * What the prescribers routes share within one running app: services that answer callers
 * without a session (pharmacy systems, prescribers' links) and keep their own store handle
 * private, so no handler reaches the store through them.
 */
export interface PrescriberServices {
  readonly pharmacyCheck: PharmacyCheckService;
  readonly clientKeys: PharmacyClientKeys;
  readonly checkLog: PharmacyCheckLog;
  readonly letterLinks: LetterLinks;
  /** Stops timers and writes the queued check log. */
  close(): Promise<void>;
}

/** Builds the shared services for an app (at the composition layer, which holds the stores). */
export function createPrescriberServices(stores: DataStores): PrescriberServices {
  const pharmacyCheck = new PharmacyCheckService(stores.db, stores.warehouse);
  const checkLog = new PharmacyCheckLog(stores.db);
  return {
    pharmacyCheck,
    clientKeys: new PharmacyClientKeys(prescriberDb(stores.db)),
    checkLog,
    letterLinks: new LetterLinks(stores.db),
    async close() {
      pharmacyCheck.close();
      await checkLog.flush();
    },
  };
}
