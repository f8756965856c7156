import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { caseResolver } from '../cases/case-queries.ts';
import { caseParams, caseSummaryView } from './casework-schemas.ts';
import { assignCase, readCaseloads, readDayOutcomes, readPastServiceLevel } from './supervisor-queries.ts';
import { caseload, dayOutcomes, pastServiceLevel } from './supervisor-schemas.ts';

/** Supervisors: caseloads, assignment, cases past the first-attempt service level, a day's outcomes. */
export const supervisorRoutes: RouteModule = {
  name: 'outreach-supervisor',
  register(app) {
    app.get(
      '/api/supervisor/caseloads',
      {
        config: { roles: ['supervisor'] },
        schema: { tags: ['outreach'], response: { 200: z.object({ caseloads: z.array(caseload) }) } },
      },
      async (request) =>
        request.access.operation({ action: 'search', resourceType: 'Caseload' }, async ({ db }) => ({
          caseloads: await readCaseloads(db),
        })),
    );

    app.get(
      '/api/supervisor/past-service-level',
      {
        config: { roles: ['supervisor'] },
        schema: {
          tags: ['outreach'],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: pastServiceLevel },
        },
      },
      async (request) =>
        request.access.operation(
          { action: 'search', resourceType: 'ServiceLevel' },
          ({ db }) => readPastServiceLevel(db, request.query.limit),
          (r) => `${r.total} cases past service level`,
        ),
    );

    app.get(
      '/api/supervisor/outcomes',
      {
        config: { roles: ['supervisor'] },
        schema: {
          tags: ['outreach'],
          querystring: z.object({ date: z.iso.date().optional() }),
          response: { 200: dayOutcomes },
        },
      },
      async (request) =>
        request.access.operation({ action: 'search', resourceType: 'DayOutcomes' }, ({ db }) =>
          readDayOutcomes(db, request.query.date ?? todayIso()),
        ),
    );

    app.post(
      '/api/cases/:caseId/assignment',
      {
        config: { roles: ['supervisor', 'case_manager'] },
        schema: {
          tags: ['outreach'],
          params: caseParams,
          body: z.object({ assigneeId: z.string().min(1).max(64).nullable(), version: z.number().int() }),
          response: { 200: caseSummaryView.extend({ assignedTo: z.string().nullable() }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { assigneeId, version } = request.body;
        return request.access.resource(
          caseResolver,
          request.params.caseId,
          'update',
          (_case, _grant, { db }) => assignCase(db, user, request.params.caseId, assigneeId, version),
        );
      },
    );
  },
};
