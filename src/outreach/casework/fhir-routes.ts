import { z } from 'zod';
import type { RequestAccess } from '../../platform/http/request-access.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver } from '../cases/case-queries.ts';
import { readCaseWork } from './case-work.ts';
import { caseworkDb } from './casework-store.ts';
import { toFhirBundle } from './fhir-views.ts';

const fhirJson = z.record(z.string(), z.unknown());

/**
 * The case bundle: its Task with the attempts as Communications and the referrals as
 * ServiceRequests. `Task/{id}` and `Task?patient=` are the FHIR read API's (recovery's FHIR routes).
 */
export const caseFhirRoutes: RouteModule = {
  name: 'outreach-fhir',
  register(app) {
    const read = (caseId: string, access: RequestAccess) =>
      access.resource(caseResolver, caseId, 'export', (_case, _grant, { db }) =>
        readCaseWork(caseworkDb(db), caseId),
      );
    app.get(
      '/api/fhir/Task/:caseId/$everything',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['fhir'],
          params: z.object({ caseId: z.string().min(1).max(64) }),
          response: { 200: fhirJson },
        },
      },
      async (request, reply) => {
        reply.type('application/fhir+json');
        return toFhirBundle(await read(request.params.caseId, request.access));
      },
    );
  },
};
