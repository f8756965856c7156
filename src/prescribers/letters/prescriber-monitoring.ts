import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { MemberMetrics } from '../../risk/index.ts';
import { evaluateMembers } from '../../risk/index.ts';
import { isHighRiskForPrescribers } from './high-risk-members.ts';
import { findRecipients, type Recipient } from './letter-recipients.ts';
import type { L90Fill, MemberRiskProfile, PrescriberVolume } from './letter-types.ts';
import { readL90ControlledFills, readPrescriberVolumes, readProviderNames } from './letter-warehouse.ts';

/** What prescriber monitoring knows as of a date: profiles, who is high risk, who prescribed for them. */
export interface MonitoringSnapshot {
  asOf: string;
  profiles: Map<string, MemberRiskProfile>;
  highRisk: Set<string>;
  fills: L90Fill[];
  recipients: Recipient[];
  volumes: Map<string, PrescriberVolume>;
  providerNames: Map<string, string>;
}

/** The risk engine's metrics as the letters need them. */
export function toRiskProfile(m: MemberMetrics): MemberRiskProfile {
  return {
    memberId: m.memberId,
    eligible: m.eligible,
    exclusions: [...m.exclusions],
    factors: m.factors
      .filter((f) => f.met)
      .map((f) => ({ code: f.code, value: f.value, evidence: [...f.evidence] })),
    context: [...m.context],
    averageDailyMmeW180: m.w180.opioidDays > 0 ? m.w180.averageDailyMme : null,
    prescribersW180: m.w180.prescribers.length,
    pharmaciesW180: m.w180.pharmacies.length,
    overlapDaysW180: m.w180.overlapDays,
  };
}

/**
 * Runs the risk rules as of `asOf` (or takes metrics already computed) and reads who
 * prescribed opioids or benzodiazepines in L90 for each high-risk member (RISK-RULES §8).
 */
export async function collectMonitoring(
  warehouse: Warehouse,
  asOf: string,
  metrics?: readonly MemberMetrics[],
): Promise<MonitoringSnapshot> {
  const all = metrics ?? (await evaluateMembers(warehouse, { asOf }));
  const profiles = new Map<string, MemberRiskProfile>();
  const highRisk = new Set<string>();
  for (const m of all) {
    const profile = toRiskProfile(m);
    profiles.set(m.memberId, profile);
    if (isHighRiskForPrescribers(profile, m.opioidFillInL90)) highRisk.add(m.memberId);
  }
  const fills = await readL90ControlledFills(warehouse, asOf);
  const recipients = findRecipients(highRisk, fills);
  const raw = await readPrescriberVolumes(warehouse, asOf);
  const volumes = new Map<string, PrescriberVolume>();
  const highRiskCount = new Map<string, number>();
  for (const r of recipients)
    highRiskCount.set(r.prescriberNpi, (highRiskCount.get(r.prescriberNpi) ?? 0) + 1);
  for (const [npi, count] of highRiskCount) {
    const v = raw.get(npi) ?? { npi, opioidFills: 0, opioidPatients: 0, opioidDaysSupply: 0 };
    volumes.set(npi, { ...v, highRiskPatients: count });
  }
  return {
    asOf,
    profiles,
    highRisk,
    fills,
    recipients,
    volumes,
    providerNames: await readProviderNames(warehouse),
  };
}

export interface PrescriberRanking {
  npi: string;
  name: string | null;
  volume: PrescriberVolume;
  members: Array<{
    memberId: string;
    factors: string[];
    averageDailyMmeW180: number | null;
    prescribersW180: number;
    pharmaciesW180: number;
    overlapDaysW180: number;
    fillsByThisPrescriber: number;
  }>;
}

/** Prescribers ranked by their high-risk members, then by their own opioid fills. */
export function rankPrescribers(snapshot: MonitoringSnapshot): PrescriberRanking[] {
  const byNpi = new Map<string, PrescriberRanking>();
  for (const r of snapshot.recipients) {
    const profile = snapshot.profiles.get(r.memberId);
    const volume = snapshot.volumes.get(r.prescriberNpi);
    if (!profile || !volume) continue;
    let entry = byNpi.get(r.prescriberNpi);
    if (!entry) {
      entry = {
        npi: r.prescriberNpi,
        name: snapshot.providerNames.get(r.prescriberNpi) ?? null,
        volume,
        members: [],
      };
      byNpi.set(r.prescriberNpi, entry);
    }
    entry.members.push({
      memberId: r.memberId,
      factors: profile.factors.map((f) => f.code),
      averageDailyMmeW180: profile.averageDailyMmeW180,
      prescribersW180: profile.prescribersW180,
      pharmaciesW180: profile.pharmaciesW180,
      overlapDaysW180: profile.overlapDaysW180,
      fillsByThisPrescriber: r.fills.length,
    });
  }
  return [...byNpi.values()].sort(
    (a, b) =>
      b.members.length - a.members.length ||
      b.volume.opioidFills - a.volume.opioidFills ||
      a.npi.localeCompare(b.npi),
  );
}
