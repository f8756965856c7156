import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { screenReportSchema, sessionReportSchema } from '../recovery-schemas.ts';
import { recordScreens, recordSessions } from './report-store.ts';

const recorded = z.object({ recorded: z.number().int() });

/**
 * What a treatment facility reports about a member referred to it, one at a time: an
 * attended or missed session (FHIR Encounter) and a drug-screen result (Observation).
 */
export const reportRoutes: RouteModule = {
  name: 'recovery-reports',
  register(app) {
    app.post(
      '/api/recovery/sessions',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['recovery'], body: sessionReportSchema, response: { 201: recorded } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const facilityNpi = facilityOf(user.organization);
        const count = await request.access.member(
          request.body.memberId,
          { action: 'report', resourceType: 'Encounter' },
          (_grant, { db }) => recordSessions(db, [request.body], { userId: user.userId, facilityNpi }),
        );
        reply.status(201);
        return { recorded: count };
      },
    );

    app.post(
      '/api/recovery/screens',
      {
        config: { roles: ['facility_staff'] },
        schema: { tags: ['recovery'], body: screenReportSchema, response: { 201: recorded } },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const facilityNpi = facilityOf(user.organization);
        const count = await request.access.member(
          request.body.memberId,
          { action: 'report', resourceType: 'Observation' },
          (_grant, { db }) => recordScreens(db, [request.body], { userId: user.userId, facilityNpi }),
        );
        reply.status(201);
        return { recorded: count };
      },
    );
  },
};

function facilityOf(organization: string | null | undefined): string {
  if (!organization) throw new AppError('forbidden', 'Your account is not linked to a facility.');
  return organization;
}
