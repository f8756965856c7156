import type { SessionUser } from '../../platform/auth/sessions.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import { createRequestAccess } from '../../platform/http/request-access.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { readDetoxLines } from '../detox/unauthorized-detox.ts';
import type { AuthorizationRequestInput, AuthorizationStatus } from '../preauth/authorization.ts';
import { type AuthorizationAction, allowedFrom } from '../preauth/transitions.ts';
import { actOnPreauthorization, actorOf, submitPreauthorization } from '../routes/preauth-service.ts';
import { readAuthorizations, type StoredAuthorization } from '../store/authorization-store.ts';
import {
  chooseDemoOutcomes,
  type DemoPreauthOutcome,
  type DetoxEpisode,
  groupAmbulatoryEpisodes,
  hashClaimId,
} from './demo-detox-episodes.ts';
import { readEpisodeContext } from './read-episode-context.ts';

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
  lines: string[];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** The seeder acts as the billing facility's staff and as one utilization reviewer, named as such in history and audit. */
const facilityUser = (npi: string): SessionUser => ({
  userId: `demo-seed-facility-${npi}`,
  username: 'demo-seed-facility',
  role: 'facility_staff',
  memberId: null,
  organization: npi,
  displayName: 'Demo seed (facility staff)',
  csrfToken: '',
});
const reviewer: SessionUser = {
  userId: 'demo-seed-reviewer',
  username: 'demo-seed-reviewer',
  role: 'um_reviewer',
  memberId: null,
  organization: null,
  displayName: 'Demo seed (UM reviewer)',
  csrfToken: '',
};
const seedActors = (npi: string) => new Set([actorOf(facilityUser(npi)), actorOf(reviewer)]);

/** The request the billing facility sends the day before the first day: all billed days, criteria met unless denied. */
function buildRequest(
  episode: DetoxEpisode,
  outcome: DemoPreauthOutcome,
  planId: string,
  facilityName: string,
  diagnosisCodes: readonly string[],
): AuthorizationRequestInput {
  const opioid = diagnosisCodes.filter((c) => /^F1[13]/.test(c));
  const score = 8 + (Number.parseInt(hashClaimId(episode.claimId).slice(0, 4), 16) % 12);
  return {
    memberId: episode.memberId,
    planId,
    facility: { npi: episode.billingNpi, name: facilityName },
    levelOfCare: 'ambulatory-withdrawal-management',
    priority: 'standard',
    diagnosisCodes: opioid.length > 0 ? opioid : ['F11.23'],
    services: [
      { code: episode.code, units: episode.days, startDate: episode.startDate, endDate: episode.endDate },
    ],
    assessment: {
      faceToFace: true,
      date: addDays(episode.startDate, -2),
      assessedBy: 'Intake nurse, addiction medicine',
      withdrawalScore: { scale: 'COWS', value: score },
      medicalComplicationsRequireInpatient: false,
      stableLivingEnvironment: outcome !== 'denied',
      committedToTreatment: true,
    },
    clinicalSummary:
      outcome === 'denied'
        ? 'Opioid dependence with moderate withdrawal; currently without stable housing, staying in a car.'
        : 'Opioid dependence with mild to moderate withdrawal; lives with family who support treatment.',
    treatmentPlan:
      'Daily nursing check and symptom-triggered medication, counseling, link to MOUD on discharge.',
  };
}

/** The reviewer's steps toward an outcome; each is taken only while the request's state allows it. */
function reviewSteps(episode: DetoxEpisode, outcome: DemoPreauthOutcome): AuthorizationAction[] {
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
  return [{ kind: 'start-review' }, decision[final]];
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
    lines: [],
  };
  const onFile = new Map<string, { npi: string; name: string; requests: number }>();
  const policy = {
    decide: async () => ({ allowed: false as const, reason: 'the demo seeder reads no member data' }),
  };
  for (const { episode, outcome } of chooseDemoOutcomes(episodes)) {
    if (outcome === 'none') {
      result.withoutRequest += 1;
      continue;
    }
    const facility = facilityUser(episode.billingNpi);
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
        const access = createRequestAccess({
          user: facility,
          requestId: `demo-seed-${episode.claimId}`,
          db,
          warehouse,
          policy,
        });
        const request = buildRequest(
          episode,
          outcome,
          context.planId,
          context.facilityName ?? `Facility ${episode.billingNpi}`,
          context.diagnosisCodes,
        );
        current = await submitPreauthorization(access, request, received);
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
      for (const [i, step] of reviewSteps(episode, outcome).entries()) {
        if (!allowedFrom[step.kind].includes(current.status)) continue;
        const when = new Date(Date.parse(received) + (i + 2) * 3_600_000).toISOString();
        current = await actOnPreauthorization(db, reviewer, current.id, current.version, step, when);
      }
      if (made) result.seeded[seededAs(current.status)] += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ claimId: episode.claimId, reason: error.message });
    }
  }
  result.busiestFacility =
    [...onFile.values()].sort((a, b) => b.requests - a.requests || a.npi.localeCompare(b.npi))[0] ?? null;
  const s = result.seeded;
  const total = s.approved + s.partially_approved + s.denied + s.pending;
  result.lines.push(
    `preauthorizations: seeded ${total} requests for ${result.episodes} ambulatory detox episodes ` +
      `(${s.approved} approved, ${s.partially_approved} partly approved, ${s.denied} denied, ${s.pending} pending); ` +
      `${result.alreadyOnFile} already on file, ${result.withoutRequest} left without one, ` +
      `${result.skipped.length} skipped; ${result.residentialLines} residential detox lines have no level of care to request`,
  );
  return result;
}
