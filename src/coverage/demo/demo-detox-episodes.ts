import { createHash } from 'node:crypto';
import type { DetoxLine } from '../detox/unauthorized-detox.ts';

/** One generated ambulatory detox episode: a claim's H0014 days at one billing facility. */
export interface DetoxEpisode {
  claimId: string;
  memberId: string;
  billingNpi: string;
  code: string;
  startDate: string;
  endDate: string;
  /** Distinct service days billed (H0014 is per diem: a unit is a day). */
  days: number;
}

/** What the demo's reviewer did with an episode's request; `none` = the facility never asked. */
export type DemoPreauthOutcome = 'approved' | 'partially_approved' | 'denied' | 'pending' | 'none';

/**
 * Outcomes in the order episodes take them (sorted by a hash of their claim id): of
 * every twelve, five approved, one partly approved, one denied, one pending, four
 * (a third) with no request — a mix once there are a dozen episodes.
 */
const outcomeCycle: readonly DemoPreauthOutcome[] = [
  'approved',
  'none',
  'approved',
  'partially_approved',
  'approved',
  'none',
  'denied',
  'approved',
  'pending',
  'none',
  'approved',
  'none',
];

/**
 * Groups detox lines into ambulatory episodes (one per claim with H0014 lines and a
 * billing NPI). Residential stays (H0010/H0011 with 0126/0136) are left out: no
 * level of care in `preauth/levels-of-care.ts` takes their codes yet.
 */
export function groupAmbulatoryEpisodes(lines: readonly DetoxLine[]): DetoxEpisode[] {
  const byClaim = new Map<string, DetoxLine[]>();
  for (const line of lines) {
    if (line.procedureCode !== 'H0014' || !line.billingNpi) continue;
    byClaim.set(line.claimId, [...(byClaim.get(line.claimId) ?? []), line]);
  }
  return [...byClaim.values()].flatMap((claimLines) => {
    const [first] = claimLines;
    if (!first?.billingNpi) return [];
    const dates = [...new Set(claimLines.map((l) => l.serviceDate))].sort();
    return [
      {
        claimId: first.claimId,
        memberId: first.memberId,
        billingNpi: first.billingNpi,
        code: 'H0014',
        startDate: dates[0] ?? first.serviceDate,
        endDate: dates.at(-1) ?? first.serviceDate,
        days: dates.length,
      },
    ];
  });
}

/** A stable number from a claim id (no Math.random: the demo is the same on every run). */
export function hashClaimId(claimId: string): string {
  return createHash('sha256').update(claimId).digest('hex');
}

/** Each episode's outcome, by its place in the episodes sorted by the hash of their claim ids. */
export function chooseDemoOutcomes(
  episodes: readonly DetoxEpisode[],
): Array<{ episode: DetoxEpisode; outcome: DemoPreauthOutcome }> {
  return [...episodes]
    .map((episode) => ({ episode, key: hashClaimId(episode.claimId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ episode }, i) => ({ episode, outcome: outcomeCycle[i % outcomeCycle.length] ?? 'none' }));
}
