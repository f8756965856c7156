import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { alertResolver } from '../recovery-resolvers.ts';
import { listAlerts, resolveAlert } from './alert-store.ts';

const alertView = z.object({
  alertId: z.string(),
  memberId: z.string(),
  caseId: z.string(),
  code: z.string(),
  label: z.string(),
  severity: z.enum(['urgent', 'high', 'normal']),
  raisedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  evidence: z.object({ source: z.string(), date: z.string(), id: z.string(), detail: z.string() }),
  status: z.enum(['open', 'resolved']),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});

/** The recovery alerts of RISK-RULES §11: the case manager's queue, the supervisor's overdue view, resolving with a note. */
export const alertRoutes: RouteModule = {
  name: 'recovery-alerts',
  register(app) {
    app.get(
      '/api/recovery/alerts',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          querystring: z.object({
            status: z.enum(['open', 'resolved']).default('open'),
            overdue: z.enum(['true', 'false']).default('false'),
          }),
          response: { 200: z.object({ alerts: z.array(alertView) }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { status, overdue } = request.query;
        const alerts = await request.access.operation(
          { action: 'search', resourceType: 'RecoveryAlert' },
          ({ db }) =>
            listAlerts(db, user, {
              status,
              today: todayIso(),
              ...(overdue === 'true' ? { overdueOn: todayIso() } : {}),
            }),
          (found) => `${found.length} alerts`,
        );
        return { alerts };
      },
    );

    app.post(
      '/api/recovery/alerts/:alertId/resolve',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ alertId: z.string().min(1).max(64) }),
          body: z.object({ note: z.string().trim().min(1, 'say what was done').max(2000) }),
          response: { 200: z.object({ alertId: z.string(), status: z.literal('resolved') }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { alertId } = request.params;
        await request.access.resource(alertResolver, alertId, 'update', (_alert, _grant, { db }) =>
          resolveAlert(db, alertId, request.body.note, user),
        );
        return { alertId, status: 'resolved' as const };
      },
    );
  },
};
