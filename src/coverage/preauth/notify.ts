import type { Authorization, Notification } from './authorization.ts';
import { findLevelOfCare } from './levels-of-care.ts';

const careName = (a: Authorization) =>
  findLevelOfCare(a.request.levelOfCare)?.name.toLowerCase() ?? 'treatment';

/**
 * The notices a step sends to the member and the facility, in plain words.
 * Member notices say what was decided and what they can do; they never repeat
 * clinical details (the member hears those from their care team).
 */
export function writeNotifications(a: Authorization, kind: Notification['kind'], at: string): Notification[] {
  const facility = a.request.facility.name;
  switch (kind) {
    case 'received':
      return [
        {
          at,
          recipient: 'facility',
          kind,
          message: `We received request ${a.id} for ${careName(a)}. A decision is due by ${a.dueAt} (${a.priority}).`,
        },
      ];
    case 'information-requested':
      return [
        {
          at,
          recipient: 'facility',
          kind,
          message: `Request ${a.id} needs more information: ${a.informationRequested ?? ''}. The decision is still due by ${a.dueAt}.`,
        },
        {
          at,
          recipient: 'member',
          kind,
          message: `Your plan asked ${facility} for more information about your request for ${careName(a)}. You don't need to do anything.`,
        },
      ];
    case 'withdrawn':
      return (['facility', 'member'] as const).map((recipient) => ({
        at,
        recipient,
        kind,
        message: `Request ${a.id} for ${careName(a)} at ${facility} was withdrawn.`,
      }));
    case 'decision': {
      const d = a.decision;
      if (!d) return [];
      const units = d.approvedUnits.reduce((t, u) => t + u, 0);
      const requested = a.request.services.reduce((t, s) => t + s.units, 0);
      const summary =
        d.outcome === 'approved'
          ? `approved: ${units} of ${requested} units`
          : d.outcome === 'partially_approved'
            ? `partly approved: ${units} of ${requested} units. Reason: ${d.reason}`
            : `not approved. Reason: ${d.reason}`;
      const appeal =
        d.outcome === 'approved'
          ? ''
          : ' You can ask for a review of this decision (an appeal); your case manager can help.';
      return [
        { at, recipient: 'facility', kind, message: `Request ${a.id} for ${careName(a)} was ${summary}.` },
        {
          at,
          recipient: 'member',
          kind,
          message: `Your request for ${careName(a)} at ${facility} was ${summary}.${appeal}`,
        },
      ];
    }
  }
}
