import { AppError } from '../../platform/errors.ts';
import type {
  Authorization,
  AuthorizationRequest,
  AuthorizationStatus,
  DenialReason,
} from './authorization.ts';
import { computeDueAt } from './decision-deadline.ts';
import { evaluateCriteria } from './evaluate-criteria.ts';
import { writeNotifications } from './notify.ts';

/** What people do to a request; each kind is allowed only from some states. */
export type AuthorizationAction =
  | { kind: 'start-review' }
  | { kind: 'pend'; informationRequested: string }
  | { kind: 'provide-information'; information: string }
  | { kind: 'approve' }
  | { kind: 'partially-approve'; approvedUnits: number[]; reason: string }
  | { kind: 'deny'; reasonCode: DenialReason; reason: string; criteriaMissed?: string[] | undefined }
  | { kind: 'withdraw'; reason: string };

export const allowedFrom: Record<AuthorizationAction['kind'], readonly AuthorizationStatus[]> = {
  'start-review': ['submitted'],
  pend: ['in_review'],
  'provide-information': ['pended'],
  approve: ['in_review'],
  'partially-approve': ['in_review'],
  // A request left pended can be denied for missing information before the clock runs out.
  deny: ['in_review', 'pended'],
  withdraw: ['submitted', 'in_review', 'pended'],
};

const statusAfter: Record<AuthorizationAction['kind'], AuthorizationStatus> = {
  'start-review': 'in_review',
  pend: 'pended',
  'provide-information': 'in_review',
  approve: 'approved',
  'partially-approve': 'partially_approved',
  deny: 'denied',
  withdraw: 'withdrawn',
};

/** Records a new request as received: its clock starts at `receivedAt`. */
export function receiveAuthorization(input: {
  id: string;
  request: AuthorizationRequest;
  receivedAt: string;
  actor: string;
}): Authorization {
  const a: Authorization = {
    id: input.id,
    request: input.request,
    status: 'submitted',
    priority: input.request.priority,
    receivedAt: input.receivedAt,
    dueAt: computeDueAt(input.receivedAt, input.request.priority),
    reviewer: null,
    informationRequested: null,
    additionalInformation: [],
    decision: null,
    history: [
      { at: input.receivedAt, actor: input.actor, action: 'submit', from: null, to: 'submitted', note: null },
    ],
    notifications: [],
  };
  a.notifications = writeNotifications(a, 'received', input.receivedAt);
  return a;
}

const invalid = (message: string, path: string) =>
  new AppError('unprocessable', message, [{ path, message }]);

function checkAction(a: Authorization, action: AuthorizationAction): void {
  const requested = a.request.services.map((s) => s.units);
  switch (action.kind) {
    case 'pend':
      if (action.informationRequested.trim().length < 10)
        throw invalid('Say what information is needed.', 'informationRequested');
      return;
    case 'provide-information':
      if (action.information.trim().length === 0)
        throw invalid('Give the information asked for.', 'information');
      return;
    case 'partially-approve': {
      if (action.approvedUnits.length !== requested.length)
        throw invalid(
          `Give approved units for each of the ${requested.length} service lines.`,
          'approvedUnits',
        );
      const bad = action.approvedUnits.findIndex(
        (u, i) => !Number.isInteger(u) || u < 0 || u > (requested[i] ?? 0),
      );
      if (bad >= 0)
        throw invalid(
          'Approved units must be whole numbers from 0 to the units requested.',
          `approvedUnits.${bad}`,
        );
      const total = action.approvedUnits.reduce((t, u) => t + u, 0);
      if (total === 0)
        throw invalid('Approving no units is a denial: deny with a reason instead.', 'approvedUnits');
      if (action.approvedUnits.every((u, i) => u === requested[i]))
        throw invalid('Every unit requested is approved: approve instead.', 'approvedUnits');
      if (action.reason.trim().length < 20)
        throw invalid('Explain specifically why fewer units are approved.', 'reason');
      return;
    }
    case 'deny': {
      if (action.reason.trim().length < 20)
        throw invalid('A denial needs a specific reason the member and facility can act on.', 'reason');
      if (action.reasonCode === 'medical-necessity-not-met') {
        const missed = new Set(
          evaluateCriteria(a.request, a.receivedAt)
            .filter((r) => r.result !== 'met')
            .map((r) => r.id),
        );
        const cited = action.criteriaMissed ?? [];
        if (cited.length === 0 || cited.some((id) => !missed.has(id)))
          throw invalid(
            `Name the criteria not met (of: ${[...missed].join(', ') || 'none — every criterion is met'}).`,
            'criteriaMissed',
          );
      }
      return;
    }
    case 'withdraw':
      if (action.reason.trim().length === 0) throw invalid('Say why the request is withdrawn.', 'reason');
      return;
    default:
      return;
  }
}

const noteOf = (action: AuthorizationAction): string | null =>
  'reason' in action
    ? action.reason
    : action.kind === 'pend'
      ? action.informationRequested
      : action.kind === 'provide-information'
        ? action.information
        : null;

/**
 * Applies one action at `at` by `actor` and returns the updated request; the
 * input is never changed. An action not allowed from the current state, or
 * missing what it needs (a denial's specific reason), throws and changes nothing.
 */
export function applyAuthorizationAction(
  a: Authorization,
  action: AuthorizationAction,
  at: string,
  actor: string,
): Authorization {
  if (!allowedFrom[action.kind].includes(a.status))
    throw new AppError(
      'conflict',
      `Cannot ${action.kind.replace('-', ' ')} a request that is ${a.status.replace('_', ' ')}.`,
      [
        {
          path: 'status',
          message: `${action.kind} is allowed only when the request is ${allowedFrom[action.kind].join(' or ')}`,
        },
      ],
    );
  checkAction(a, action);
  const next: Authorization = structuredClone(a);
  const to = statusAfter[action.kind];
  next.status = to;
  next.history.push({ at, actor, action: action.kind, from: a.status, to, note: noteOf(action) });
  let notice: 'information-requested' | 'decision' | 'withdrawn' | null = null;
  if (action.kind === 'start-review') next.reviewer = actor;
  if (action.kind === 'pend') {
    next.informationRequested = action.informationRequested;
    notice = 'information-requested';
  }
  if (action.kind === 'provide-information') next.additionalInformation.push(action.information);
  if (action.kind === 'approve' || action.kind === 'partially-approve' || action.kind === 'deny') {
    next.decision = {
      outcome: to as 'approved' | 'partially_approved' | 'denied',
      approvedUnits:
        action.kind === 'approve'
          ? a.request.services.map((s) => s.units)
          : action.kind === 'partially-approve'
            ? [...action.approvedUnits]
            : a.request.services.map(() => 0),
      reasonCode: action.kind === 'deny' ? action.reasonCode : null,
      reason: action.kind === 'approve' ? null : action.reason,
      decidedAt: at,
      decidedBy: actor,
      criteria: evaluateCriteria(a.request, a.receivedAt),
    };
    notice = 'decision';
  }
  if (action.kind === 'withdraw') notice = 'withdrawn';
  if (notice) next.notifications.push(...writeNotifications(next, notice, at));
  return next;
}
