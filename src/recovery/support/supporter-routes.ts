import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { listSupportedMembers } from '../../privacy/index.ts';
import { readSharedRecord } from './shared-record.ts';

const category = z.object({ category: z.string(), label: z.string() });

/** A supporter's own view: whom they support, and of each only what the member's consent shares today. */
export const supporterRoutes: RouteModule = {
  name: 'recovery-supporter',
  register(app) {
    app.get(
      '/api/supporter/members',
      {
        config: { roles: ['supporter'] },
        schema: {
          tags: ['recovery'],
          response: {
            200: z.object({
              members: z.array(z.object({ memberId: z.string(), relationship: z.string() })),
            }),
          },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const rows = await request.access.operation(
          { action: 'search', resourceType: 'RelatedPerson' },
          ({ db }) => listSupportedMembers(db, user.userId),
          (found) => `${found.length} members`,
        );
        return { members: rows.map((r) => ({ memberId: r.member_id, relationship: r.relationship })) };
      },
    );

    app.get(
      '/api/supporter/members/:memberId',
      {
        config: { roles: ['supporter'] },
        schema: {
          tags: ['recovery'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          response: {
            200: z.object({
              shared: z.array(category),
              notShared: z.array(category),
              appointments: z.array(z.unknown()).optional(),
              goals: z.array(z.unknown()).optional(),
              services: z.array(z.unknown()).optional(),
              careTeam: z.array(z.unknown()).optional(),
              checkIns: z.array(z.unknown()).optional(),
              screenResults: z.array(z.unknown()).optional(),
            }),
          },
        },
      },
      async (request) =>
        request.access.member(
          request.params.memberId,
          { action: 'disclose', resourceType: 'SharedRecord' },
          (grant, { db }) => {
            // The policy grants a supporter only with the consent's categories; without them, nothing.
            if (!grant.shares) throw new AppError('forbidden', 'Nothing is shared with you.');
            return readSharedRecord(db, grant.memberId, grant.shares);
          },
        ),
    );
  },
};
