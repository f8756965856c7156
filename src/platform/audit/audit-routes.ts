import { z } from 'zod';
import type { RouteModule } from '../http/route-module.ts';
import { toFhirAuditEvent } from './fhir-audit-event.ts';
import { auditSearchSchema, searchAuditEvents } from './search-audit-events.ts';

const eventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  memberId: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  purpose: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  requestId: z.string().nullable(),
  detail: z.string().nullable(),
  hash: z.string(),
});

/** Admins search the audit log and export it as a FHIR Bundle of AuditEvent; the search itself is audited. */
export const auditRoutes: RouteModule = {
  name: 'audit',
  register(app) {
    app.get(
      '/api/audit-events',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['audit'],
          querystring: auditSearchSchema,
          response: { 200: z.object({ items: z.array(eventSchema) }) },
        },
      },
      async (request) => {
        const items = await request.access.operation(
          { action: 'search', resourceType: 'AuditEvent', memberId: request.query.memberId ?? null },
          ({ db }) => searchAuditEvents(db, request.query),
        );
        return { items };
      },
    );
    app.get(
      '/api/audit-events/fhir',
      {
        config: { roles: ['admin'] },
        schema: {
          tags: ['audit'],
          querystring: auditSearchSchema,
          response: {
            200: z.object({
              resourceType: z.literal('Bundle'),
              type: z.literal('searchset'),
              total: z.number().int(),
              entry: z.array(z.object({ resource: z.record(z.string(), z.unknown()) })),
            }),
          },
        },
      },
      async (request) => {
        const items = await request.access.operation(
          { action: 'export', resourceType: 'AuditEvent', memberId: request.query.memberId ?? null },
          ({ db }) => searchAuditEvents(db, request.query),
        );
        return {
          resourceType: 'Bundle' as const,
          type: 'searchset' as const,
          total: items.length,
          entry: items.map((e) => ({ resource: toFhirAuditEvent(e) })),
        };
      },
    );
  },
};
