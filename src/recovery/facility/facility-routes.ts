import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { listFacilityMembers } from './facility-worklist.ts';

/** The treatment facility's worklist: its referred members and what it owes for each. */
export const facilityRoutes: RouteModule = {
  name: 'recovery-facility',
  register(app) {
    app.get(
      '/api/recovery/facility/members',
      {
        config: { roles: ['facility_staff'] },
        schema: {
          tags: ['recovery'],
          response: {
            200: z.object({
              members: z.array(
                z.object({
                  memberId: z.string(),
                  services: z.array(
                    z.object({
                      requestId: z.string(),
                      service: z.string(),
                      status: z.string(),
                      version: z.number(),
                    }),
                  ),
                  lastAssessedOn: z.string().nullable(),
                  planUpdatedOn: z.string().nullable(),
                  lastReportedOn: z.string().nullable(),
                  due: z.array(z.object({ kind: z.string(), text: z.string() })),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        if (!user.organization) throw new AppError('forbidden', 'Your account names no facility.');
        const npi = user.organization;
        const members = await request.access.operation(
          { action: 'search', resourceType: 'ServiceRequest' },
          ({ db }) => listFacilityMembers(db, npi, todayIso()),
          (found) => `${found.length} referred members`,
        );
        return { members };
      },
    );
  },
};
