import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { readDetoxLines } from '../detox/unauthorized-detox.ts';
import type { AuthorizationStatus } from '../preauth/authorization.ts';
import { readAuthorizations, type StoredAuthorization } from '../preauth/authorization-store.ts';
import { actOnPreauthorization } from '../preauth/preauth-service.ts';
import { type AuthorizationAction, allowedFrom } from '../preauth/transitions.ts';
import {
  chooseDemoOutcomes,
  type DemoPreauthOutcome,
  type DetoxEpisode,
  groupAmbulatoryEpisodes,
} from './demo-detox-episodes.ts';
import { buildRequest, reviewer, seedActors, submitAsFacility } from './demo-preauth-actors.ts';
import { readEpisodeContext } from './read-episode-context.ts';
import { type OpenRequestSeeding, seedOpenDemoRequests } from './seed-open-requests.ts';

/** What seeding did: requests made now, those already on file, and episodes it could not request for. */
export interface DemoPreauthSeeding {
  episodes: number;
  residentialLines: number;
  seeded: Record<Exclude<DemoPreauthOutcome, 'none'>, number>;
  withoutRequest: number;
  alreadyOnFile: number;
  skipped: Array<{ claimId: string; reason: string }>;
  /** The billing facility with the most requests on file (ties: lower NPI): the demo facility user works there. */
  busiestFacility: { npi: string; name: string; requests: number } | null;
  /** Requests still open on the demo's day, at the busiest facility (`seed-open-requests.ts`). */
  open: OpenRequestSeeding;
  lines: string[];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * The reviewer's steps toward an outcome, each with its hours after receipt; a step is taken
 * only while the request's state allows it. A request pended more than its 7-day window
 * before the as-of date was never answered: it is denied for missing information on day 6.
 */
function reviewSteps(
  episode: DetoxEpisode,
  outcome: DemoPreauthOutcome,
  stale: boolean,
): Array<{ action: AuthorizationAction; afterHours: number }> {
  const decision: Record<Exclude<DemoPreauthOutcome, 'none'>, AuthorizationAction> = {
    approved: { kind: 'approve' },
    partially_approved: {
      kind: 'partially-approve',
      approvedUnits: [Math.max(1, episode.days - 2)],
      reason: `Approved for the first ${Math.max(1, episode.days - 2)} days; further days need a concurrent review with a new COWS score.`,
    },
    denied: {
      kind: 'deny',
      reasonCode: 'medical-necessity-not-met',
      reason:
        'No stable living environment is documented; ambulatory withdrawal management needs one. Consider a residential program.',
      criteriaMissed: ['recovery-environment'],
    },
    pending: {
      kind: 'pend',
      informationRequested: 'Send the COWS score sheet and the signed treatment plan.',
    },
  };
  if (outcome === 'none') return [];
  // One billed day cannot be partly approved: approve it.
  const final = outcome === 'partially_approved' && episode.days < 2 ? 'approved' : outcome;
  const steps = [
    { action: { kind: 'start-review' } as AuthorizationAction, afterHours: 2 },
    { action: decision[final], afterHours: 3 },
  ];
  if (final === 'pending' && stale)
    steps.push({
      action: {
        kind: 'deny',
        reasonCode: 'insufficient-information',
        reason:
          'The COWS score sheet and signed treatment plan asked for were not received; the facility may send a new request with them.',
      },
      afterHours: 6 * 24,
    });
  return steps;
}

const seededAs = (status: AuthorizationStatus): keyof DemoPreauthSeeding['seeded'] =>
  status === 'approved' || status === 'partially_approved' || status === 'denied' ? status : 'pending';

/** A request this seeder already made for the episode (same member, facility, code, overlapping days), if any. */
function findSeeded(
  earlier: readonly StoredAuthorization[],
  episode: DetoxEpisode,
): StoredAuthorization | undefined {
  return earlier.find((a) =>
    a.request.services.some(
      (s) => s.code === episode.code && s.startDate <= episode.endDate && episode.startDate <= s.endDate,
    ),
  );
}

/**
 * Seeds the demo's preauthorization requests for generated ambulatory detox episodes
 * (from the warehouse, up to `asOf`): two thirds get a request from their billing
 * facility through the same service the routes use (validation, plan check, audit,
 * history, notices), most approved, some partly approved, denied or pending; a third
 * none. Outcomes come from the claim ids, so every run picks the same; an episode with
 * a request on file is left alone (a request only the seeder touched is carried on to
 * its outcome), so running it again adds nothing.
 */
export async function seedDemoPreauthorizations(
  db: OpsDb,
  warehouse: Warehouse,
  asOf: string,
  now: Date = new Date(),
): Promise<DemoPreauthSeeding> {
  const detoxLines = await readDetoxLines(warehouse, '1900-01-01', asOf);
  const episodes = groupAmbulatoryEpisodes(detoxLines);
  const result: DemoPreauthSeeding = {
    episodes: episodes.length,
    residentialLines: detoxLines.filter((l) => l.procedureCode !== 'H0014').length,
    seeded: { approved: 0, partially_approved: 0, denied: 0, pending: 0 },
    withoutRequest: 0,
    alreadyOnFile: 0,
    skipped: [],
    busiestFacility: null,
    open: { seeded: 0, ids: [], alreadyOnFile: 0, skipped: [] },
    lines: [],
  };
  const onFile = new Map<string, { npi: string; name: string; requests: number }>();
  for (const { episode, outcome } of chooseDemoOutcomes(episodes)) {
    if (outcome === 'none') {
      result.withoutRequest += 1;
      continue;
    }
    const earlier = await readAuthorizations(db, {
      memberId: episode.memberId,
      facilityNpi: episode.billingNpi,
    });
    let current = findSeeded(earlier, episode);
    if (current) result.alreadyOnFile += 1;
    let made = false;
    const received = at(addDays(episode.startDate, -1), 14);
    try {
      if (!current) {
        const context = await readEpisodeContext(warehouse, episode);
        if (!context.planId) throw new AppError('unprocessable', 'not enrolled in a plan on the first day');
        const request = buildRequest(
          episode,
          outcome,
          context.planId,
          context.facilityName ?? `Facility ${episode.billingNpi}`,
          context.diagnosisCodes,
        );
        current = await submitAsFacility(db, request, received, `demo-seed-${episode.claimId}`);
        made = true;
      }
      const tally = onFile.get(episode.billingNpi) ?? {
        npi: episode.billingNpi,
        name: current.request.facility.name,
        requests: 0,
      };
      tally.requests += 1;
      onFile.set(episode.billingNpi, tally);
      // Carry on only requests no one but the seeder has touched (a crash between steps); leave people's work alone.
      const mine = seedActors(episode.billingNpi);
      if (!current.history.every((h) => mine.has(h.actor))) continue;
      const stale = addDays(episode.startDate, 7) < asOf;
      for (const { action, afterHours } of reviewSteps(episode, outcome, stale)) {
        if (!allowedFrom[action.kind].includes(current.status)) continue;
        const when = new Date(Date.parse(received) + afterHours * 3_600_000).toISOString();
        current = await actOnPreauthorization(db, reviewer, current.id, current.version, action, when);
      }
      if (made) result.seeded[seededAs(current.status)] += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ claimId: episode.claimId, reason: error.message });
    }
  }
  const busiest =
    [...onFile.values()].sort((a, b) => b.requests - a.requests || a.npi.localeCompare(b.npi))[0] ?? null;
  if (busiest) {
    result.open = await seedOpenDemoRequests(db, warehouse, asOf, busiest, now);
    busiest.requests += result.open.seeded + result.open.alreadyOnFile;
  }
  result.busiestFacility = busiest;
  const s = result.seeded;
  const total = s.approved + s.partially_approved + s.denied + s.pending;
  result.lines.push(
    `preauthorizations: seeded ${total} requests for ${result.episodes} ambulatory detox episodes ` +
      `(${s.approved} approved, ${s.partially_approved} partly approved, ${s.denied} denied, ${s.pending} pending); ` +
      `${result.alreadyOnFile} already on file, ${result.withoutRequest} left without one, ` +
      `${result.skipped.length} skipped; ${result.residentialLines} residential detox lines have no level of care to request`,
    `preauthorizations open on ${asOf}: seeded ${result.open.seeded}, ${result.open.alreadyOnFile} already on file` +
      (result.open.skipped.length > 0 ? `, ${result.open.skipped.length} members passed over` : ''),
  );
  return result;
}
