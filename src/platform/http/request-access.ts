import { type AuditInput, type AuditPurpose, writeAuditEvent } from '../audit/audit-event.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { OpsDb } from '../db/ops-db.ts';
import { AppError } from '../errors.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** The two stores, handed to a handler only inside an access-checked, audited callback. */
export interface DataStores {
  readonly db: OpsDb;
  readonly warehouse: Warehouse;
}

/** What a caller may see of one member, decided by the access policy. */
export interface MemberGrant {
  memberId: string;
  purpose: AuditPurpose;
  /**
   * Whether 42 CFR Part 2 labeled claims may be shown to this caller. When false,
   * queries must leave labeled data out (see `src/privacy/part2-filter.ts`).
   */
  includePart2: boolean;
  /**
   * For a supporter: the categories the member's consent shares with them (the query reads
   * only these). Absent for everyone else, whose reach is the purpose and the Part 2 flag.
   */
  shares?: readonly string[];
}

export type AccessDecision =
  | ({ allowed: true } & Omit<MemberGrant, 'memberId'>)
  | { allowed: false; reason: string };

/** What a handler says about a read or write, for the access check and the audit record. */
export interface AccessIntent {
  action: string;
  resourceType: string;
  resourceId?: string | null;
}

/** Whom a stored record is about, as its resolver found it: the member and, for facility records, the facility. */
export interface ResourceOwner {
  memberId: string;
  /** The treatment facility (NPI) the record belongs to, when it has one. */
  facilityNpi?: string | null;
}

/** One member-data request as the policy sees it. */
export type AccessRequest = AccessIntent & ResourceOwner;

/** Decides, from the caller's role and assignments, whether they may act on a member, and why it is audited. */
export interface MemberAccessPolicy {
  decide(db: OpsDb, user: SessionUser, request: AccessRequest): Promise<AccessDecision>;
  /** The audit purpose of work that names no single member (lists, searches, runs, denials). */
  purposeOf(user: SessionUser | null, intent: AccessIntent): AuditPurpose;
}

/**
 * Finds whom a stored record is about, so the check runs before the handler reads it.
 * Each domain's store defines its resolvers (a case, a preauthorization with its facility).
 */
export interface ResourceResolver<R extends ResourceOwner = ResourceOwner> {
  readonly resourceType: string;
  /** The 404 message when there is no such record. */
  readonly notFound: string;
  /** Answer a denial with the 404: the caller must not learn that the record exists. */
  readonly hideWhenDenied?: boolean;
  resolve(stores: DataStores, id: string): Promise<R | undefined>;
}

/** An audit event a handler adds: actor, request and purpose are filled in by the access layer. */
export type HandlerAuditEvent = Omit<
  AuditInput,
  'actorId' | 'actorUsername' | 'actorRole' | 'requestId' | 'purpose' | 'outcome'
> & { outcome?: AuditInput['outcome'] };

/**
 * The per-request door to member data. A handler gets the stores only inside one of
 * these calls, each of which checks access and audits success, denial or failure:
 * - `member`: one member's data;
 * - `resource`: a stored record, resolved to its member (and facility) first;
 * - `operation`: lists, searches and runs over many members, audited as one event;
 * - `nonMember`: data that names no member (plans, the care network, runs' counts); not audited.
 */
export interface RequestAccess {
  readonly user: SessionUser | null;
  readonly requestId: string;
  /** The signed-in user, or 401. */
  requireUser(): SessionUser;
  member<T>(
    memberId: string,
    intent: AccessIntent & { facilityNpi?: string | null },
    fn: (grant: MemberGrant, stores: DataStores) => Promise<T>,
  ): Promise<T>;
  resource<R extends ResourceOwner, T>(
    resolver: ResourceResolver<R>,
    id: string,
    /** The verb, or the verb and the kind of record written under this one (an attempt on a case). */
    intent: string | { action: string; resourceType: string },
    fn: (resource: R, grant: MemberGrant, stores: DataStores) => Promise<T>,
  ): Promise<T>;
  operation<T>(
    intent: AccessIntent & { memberId?: string | null },
    fn: (stores: DataStores) => Promise<T>,
    describe?: (result: T) => string | null,
  ): Promise<T>;
  nonMember<T>(fn: (stores: DataStores) => Promise<T>): Promise<T>;
  /** One more audit event as this caller (e.g. one per member named in a letter). */
  audit(event: HandlerAuditEvent): Promise<void>;
}

const failureDetail = (error: unknown) => (error instanceof AppError ? error.code : 'internal');
/** A domain rule that refuses the caller (`forbidden`) is a denial; anything else thrown is a failure. */
const outcomeOf = (error: unknown) =>
  error instanceof AppError && error.code === 'forbidden' ? ('denied' as const) : ('failure' as const);

/** Builds the access-checked door for one request. */
export function createRequestAccess(args: {
  user: SessionUser | null;
  requestId: string;
  stores: DataStores;
  policy: MemberAccessPolicy;
}): RequestAccess {
  const { user, requestId, stores, policy } = args;
  const requireUser = (): SessionUser => {
    if (!user) throw new AppError('unauthenticated', 'Please sign in.');
    return user;
  };
  const write = (event: Omit<AuditInput, 'actorId' | 'actorUsername' | 'actorRole' | 'requestId'>) =>
    writeAuditEvent(stores.db, {
      ...event,
      actorId: user?.userId ?? null,
      actorUsername: user?.username ?? null,
      actorRole: user?.role ?? null,
      requestId,
    });

  async function checked<T>(
    request: AccessRequest,
    /** The 404 message to answer a denial with, when the record's existence is itself private. */
    hiddenAs: string | null,
    fn: (grant: MemberGrant) => Promise<T>,
  ): Promise<T> {
    const u = requireUser();
    const base = {
      action: request.action,
      memberId: request.memberId,
      resourceType: request.resourceType,
      resourceId: request.resourceId ?? null,
    };
    const decision = await policy.decide(stores.db, u, request);
    if (!decision.allowed) {
      await write({
        ...base,
        purpose: policy.purposeOf(u, request),
        outcome: 'denied',
        detail: decision.reason,
      });
      throw hiddenAs !== null
        ? new AppError('not_found', hiddenAs)
        : new AppError('forbidden', 'You do not have access to this member.');
    }
    let result: T;
    try {
      result = await fn({
        memberId: request.memberId,
        purpose: decision.purpose,
        includePart2: decision.includePart2,
        ...(decision.shares ? { shares: decision.shares } : {}),
      });
    } catch (error) {
      await write({
        ...base,
        purpose: decision.purpose,
        outcome: outcomeOf(error),
        detail: failureDetail(error),
      });
      throw error;
    }
    await write({ ...base, purpose: decision.purpose, outcome: 'success', detail: null });
    return result;
  }

  return {
    user,
    requestId,
    requireUser,
    member(memberId, intent, fn) {
      return checked({ ...intent, memberId }, null, (grant) => fn(grant, stores));
    },
    async resource(resolver, id, intent, fn) {
      requireUser();
      const found = await resolver.resolve(stores, id);
      if (!found) throw new AppError('not_found', resolver.notFound);
      const { action, resourceType } =
        typeof intent === 'string' ? { action: intent, resourceType: resolver.resourceType } : intent;
      const request = { ...found, action, resourceType, resourceId: id };
      return checked(request, resolver.hideWhenDenied ? resolver.notFound : null, (grant) =>
        fn(found, grant, stores),
      );
    },
    async operation(intent, fn, describe) {
      const u = requireUser();
      const event = {
        action: intent.action,
        memberId: intent.memberId ?? null,
        resourceType: intent.resourceType,
        resourceId: intent.resourceId ?? null,
        purpose: policy.purposeOf(u, intent),
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(stores);
      } catch (error) {
        await write({ ...event, outcome: outcomeOf(error), detail: failureDetail(error) });
        throw error;
      }
      await write({ ...event, outcome: 'success', detail: describe?.(result) ?? null });
      return result;
    },
    async nonMember(fn) {
      requireUser();
      return fn(stores);
    },
    audit(event) {
      return write({ ...event, outcome: event.outcome ?? 'success', purpose: policy.purposeOf(user, event) });
    },
  };
}
