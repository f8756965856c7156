import { z } from 'zod';
import { searchAuditEvents } from '../platform/audit/search-audit-events.ts';
import type { RouteModule } from '../platform/http/route-module.ts';

const entry = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** The role of whoever looked (`member` when it was the member), never a colleague's private details. */
  role: z.string().nullable(),
  username: z.string().nullable(),
  self: z.boolean(),
  action: z.string(),
  resourceType: z.string(),
  purpose: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
});

/**
 * Who looked at my record (the HIPAA right to an accounting, read from the audit log): every
 * read, write and disclosure of the member's record, newest first. The screen says it in plain
 * words; this reading is itself audited.
 */
export const accessHistoryRoutes: RouteModule = {
  name: 'access-history',
  register(app) {
    app.get(
      '/api/members/:memberId/access-history',
      {
        config: { roles: ['member'] },
        schema: {
          tags: ['privacy'],
          params: z.object({ memberId: z.string().min(1).max(64) }),
          querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }),
          response: { 200: z.object({ entries: z.array(entry), page: z.number().int() }) },
        },
      },
      async (request) => {
        const user = request.access.requireUser();
        const { page } = request.query;
        const events = await request.access.member(
          request.params.memberId,
          { action: 'read', resourceType: 'AuditEvent' },
          (grant, { db }) => searchAuditEvents(db, { memberId: grant.memberId, page, pageSize: 100 }),
        );
        return {
          page,
          entries: events.map((e) => ({
            seq: e.seq,
            at: e.occurredAt,
            role: e.actorRole,
            username: e.actorId === user.userId ? null : e.actorUsername,
            self: e.actorId === user.userId,
            action: e.action,
            resourceType: e.resourceType,
            purpose: e.purpose,
            outcome: e.outcome,
          })),
        };
      },
    );
  },
};
