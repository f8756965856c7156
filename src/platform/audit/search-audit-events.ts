import { z } from 'zod';
import type { OpsDb } from '../db/ops-db.ts';

export const auditSearchSchema = z.object({
  actor: z.string().min(1).max(64).optional(),
  memberId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(40).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.iso
    .datetime({ offset: true })
    .or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditSearch = z.output<typeof auditSearchSchema>;

export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  memberId: string | null;
  resourceType: string;
  resourceId: string | null;
  purpose: string;
  outcome: 'success' | 'denied' | 'failure';
  requestId: string | null;
  detail: string | null;
  hash: string;
}

/** Audit events matching the filters, newest first. */
export async function searchAuditEvents(db: OpsDb, q: AuditSearch): Promise<AuditEventView[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (q.actor)
    query = query.where((w) =>
      w.or([w('actor_username', '=', q.actor ?? ''), w('actor_id', '=', q.actor ?? '')]),
    );
  if (q.memberId) query = query.where('member_id', '=', q.memberId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.from) query = query.where('occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('occurred_at', '<=', new Date(q.to));
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    action: r.action,
    memberId: r.member_id,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    purpose: r.purpose,
    outcome: r.outcome,
    requestId: r.request_id,
    detail: r.detail,
    hash: r.hash,
  }));
}
