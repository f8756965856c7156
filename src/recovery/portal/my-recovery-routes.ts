import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { shareCategories } from '../../privacy/index.ts';
import { listCheckIns } from '../reports/check-in-store.ts';
import { readSharedRecord } from '../support/shared-record.ts';

/** Days between check-ins when the plan sets no cadence: weekly (the aftercare default). */
const defaultCadenceDays = 7;

/**
 * The member's own recovery record for their app: everything a consent could share with family
 * (appointments, goals, services, care team, check-ins, screen results), since it is theirs,
 * and when the next check-in is due.
 */
export const myRecoveryRoutes: RouteModule = {
  name: 'my-recovery',
  register(app) {
    app.get(
      '/api/members/:memberId/my-recovery',
      {
        config: { roles: ['member'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              record: z.record(z.string(), z.unknown()),
              lastCheckIn: z.string().nullable(),
              checkInDue: z.boolean(),
              cadenceDays: z.number().int(),
            }),
          },
        },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'RecoveryRecord' },
          async (grant, { db }) => {
            const record = await readSharedRecord(db, grant.memberId, shareCategories, 'member');
            const checkIns = await listCheckIns(db, grant.memberId);
            const last = checkIns[0]?.submittedAt ?? null;
            const due = last === null || Date.now() - Date.parse(last) >= defaultCadenceDays * 86_400_000;
            return {
              record: { ...record },
              lastCheckIn: last,
              checkInDue: due,
              cadenceDays: defaultCadenceDays,
            };
          },
        ),
    );
  },
};
