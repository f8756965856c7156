import { z } from 'zod';
import { addDays, todayIso } from '../../platform/calendar/iso-days.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { readAuthorizations } from '../preauth/authorization-store.ts';
import { flagUnauthorizedDetox, readDetoxLines } from './unauthorized-detox.ts';

/** Detox claims in the warehouse that no approved preauthorization covers, for the case manager to follow up. */
export const detoxRoutes: RouteModule = {
  name: 'coverage-detox',
  register(app) {
    app.get(
      '/api/coverage/unauthorized-detox',
      {
        config: { roles: ['case_manager', 'supervisor'] },
        schema: {
          tags: ['coverage'],
          querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              items: z.array(
                z.object({
                  claimId: z.string(),
                  memberId: z.string(),
                  serviceDate: z.string(),
                  procedureCode: z.string().nullable(),
                  revenueCode: z.string().nullable(),
                  billingNpi: z.string().nullable(),
                  reason: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const to = request.query.to ?? todayIso();
        const from = request.query.from ?? addDays(to, -90);
        const items = await request.access.operation(
          { action: 'search', resourceType: 'UnauthorizedDetox' },
          async ({ db, warehouse }) => {
            const lines = await readDetoxLines(warehouse, from, to);
            const members = [...new Set(lines.map((l) => l.memberId))];
            const authorizations = (
              await Promise.all(members.map((memberId) => readAuthorizations(db, { memberId })))
            ).flat();
            return flagUnauthorizedDetox(lines, authorizations);
          },
          (found) => `${found.length} lines, ${new Set(found.map((i) => i.memberId)).size} members`,
        );
        return { from, to, items };
      },
    );
  },
};
