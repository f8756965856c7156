import { z } from 'zod';
import type { RouteModule } from '../platform/http/route-module.ts';
import { readRecoverySummary } from './recovery-summary.ts';

/** The Recovery panel of the member 360 in one audited read. */
export const recoverySummaryRoutes: RouteModule = {
  name: 'recovery-summary',
  register(app) {
    app.get(
      '/api/members/:memberId/recovery',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              plans: z.array(z.unknown()),
              sessions: z.array(z.unknown()),
              screens: z.array(z.unknown()),
              checkIns: z.array(z.unknown()),
              scores: z.array(z.unknown()),
              alerts: z.array(z.unknown()),
              followUps: z.array(z.unknown()),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        return request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'RecoveryRecord' },
          (grant, { db }) => readRecoverySummary(db, user, grant.memberId),
        );
      },
    );
  },
};
