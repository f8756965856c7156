import { type AuditInput, type AuditPurpose, writeAuditEvent } from '../audit/audit-event.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { OpsDb } from '../db/ops-db.ts';
import { AppError } from '../errors.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** What a caller may see of one member, decided by the access policy. */
export interface MemberGrant {
  memberId: string;
  purpose: AuditPurpose;
  /**
   * Whether 42 CFR Part 2 labeled claims may be shown to this caller. When false,
   * queries must leave labeled data out (see `src/privacy/part2-filter.ts`).
   */
  includePart2: boolean;
}

export type AccessDecision =
  | ({ allowed: true } & Omit<MemberGrant, 'memberId'>)
  | { allowed: false; reason: string };

/** Decides, from the caller's role and assignments, whether they may act on a member. */
export interface MemberAccessPolicy {
  decide(db: OpsDb, user: SessionUser, memberId: string, action: string): Promise<AccessDecision>;
}

/** What a handler says about a member read or write, for the audit record. */
export interface AccessIntent {
  action: string;
  resourceType: string;
  resourceId?: string | null;
}

/**
 * The per-request store: the caller, the stores, and the one way to member data.
 * `member()` checks access, audits success / denial / failure, and runs `fn`.
 */
export interface RequestAccess {
  readonly user: SessionUser | null;
  readonly requestId: string;
  readonly db: OpsDb;
  readonly warehouse: Warehouse;
  /** The signed-in user, or 401. */
  requireUser(): SessionUser;
  member<T>(memberId: string, intent: AccessIntent, fn: (grant: MemberGrant) => Promise<T>): Promise<T>;
  /** Writes an audit event as this caller in this request (for lists, searches, non-member actions). */
  audit(event: Omit<AuditInput, 'actorId' | 'actorUsername' | 'actorRole' | 'requestId'>): Promise<void>;
}

/** Builds the access-checked store for one request. */
export function createRequestAccess(args: {
  user: SessionUser | null;
  requestId: string;
  db: OpsDb;
  warehouse: Warehouse;
  policy: MemberAccessPolicy;
}): RequestAccess {
  const { user, requestId, db, warehouse, policy } = args;
  const requireUser = (): SessionUser => {
    if (!user) throw new AppError('unauthenticated', 'Please sign in.');
    return user;
  };
  const audit: RequestAccess['audit'] = (event) =>
    writeAuditEvent(db, {
      ...event,
      actorId: user?.userId ?? null,
      actorUsername: user?.username ?? null,
      actorRole: user?.role ?? null,
      requestId,
    });
  return {
    user,
    requestId,
    db,
    warehouse,
    requireUser,
    audit,
    async member<T>(
      memberId: string,
      intent: AccessIntent,
      fn: (grant: MemberGrant) => Promise<T>,
    ): Promise<T> {
      const u = requireUser();
      const base = {
        action: intent.action,
        memberId,
        resourceType: intent.resourceType,
        resourceId: intent.resourceId ?? null,
      };
      const decision = await policy.decide(db, u, memberId, intent.action);
      if (!decision.allowed) {
        await audit({ ...base, purpose: 'operations', outcome: 'denied', detail: decision.reason });
        throw new AppError('forbidden', 'You do not have access to this member.');
      }
      let result: T;
      try {
        result = await fn({ memberId, purpose: decision.purpose, includePart2: decision.includePart2 });
      } catch (error) {
        const detail = error instanceof AppError ? error.code : 'internal';
        await audit({ ...base, purpose: decision.purpose, outcome: 'failure', detail });
        throw error;
      }
      await audit({ ...base, purpose: decision.purpose, outcome: 'success' });
      return result;
    },
  };
}
