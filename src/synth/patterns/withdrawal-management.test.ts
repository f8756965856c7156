import { beforeAll, describe, expect, it } from 'vitest';
import { parseDay } from '../dates.ts';
import { generateMember, type MemberRecords } from '../generate-member.ts';
import type { MedicalClaim } from '../model.ts';
import { isDetoxLine } from '../population-tally.ts';
import { buildProviderDirectory } from '../providers.ts';

const asOf = parseDay('2026-06-30');
const windowStart = asOf - 729;

function population(members: number, enrichment: number): MemberRecords[] {
  const directory = buildProviderDirectory(members);
  return Array.from({ length: members }, (_, i) =>
    generateMember(i + 1, { seed: 31, windowStart, asOf, enrichment, directory }),
  );
}

const detoxClaims = (records: MemberRecords) =>
  records.claims.filter(
    (c): c is MedicalClaim => c.kind === 'medical' && c.version === 1 && c.lines.some(isDetoxLine),
  );

describe('withdrawal management (detox) claims', () => {
  let members: MemberRecords[] = [];
  let withDetox: MemberRecords[] = [];
  let claims: MedicalClaim[] = [];
  beforeAll(() => {
    members = population(3_000, 10);
    withDetox = members.filter((m) => detoxClaims(m).length > 0);
    claims = withDetox.flatMap(detoxClaims);
  });

  it('gives some members with opioid use disorder, and only them, a detox episode', () => {
    expect(withDetox.length).toBeGreaterThan(10);
    expect(withDetox.every((m) => m.profile.oud !== null)).toBe(true);
    const oud = members.filter((m) => m.profile.oud).length;
    expect(withDetox.length).toBeLessThan(oud / 3);
  });

  it('bills ambulatory detox as H0014 per diem on consecutive days at POS 57, coded F11.2x', () => {
    const ambulatory = claims.filter((c) => c.claimType === 'professional');
    expect(ambulatory.length).toBeGreaterThan(5);
    for (const claim of ambulatory) {
      expect(claim.diagnoses[0]).toMatch(/^F11\.2\d$/);
      expect(
        claim.lines.every((l) => l.procedureCode === 'H0014' && l.placeOfService === '57' && l.units === 1),
      ).toBe(true);
      expect(claim.lines.map((l) => l.serviceDay - claim.startDay)).toEqual(claim.lines.map((_, i) => i));
      expect(claim.endDay).toBe(claim.startDay + claim.lines.length - 1);
      expect(claim.lines.length).toBeLessThanOrEqual(5);
    }
  });

  it('bills a few residential stays on bill type 861 with detox room and board (0126/H0010 or 0136/H0011)', () => {
    const residential = claims.filter((c) => c.claimType === 'institutional');
    expect(residential.length).toBeGreaterThan(0);
    expect(residential.length).toBeLessThan(claims.length / 2);
    for (const claim of residential) {
      expect(claim.billType).toBe('861');
      expect(claim.setting).toBe('outpatient');
      expect(claim.admissionType).toBeNull();
      const [room] = claim.lines;
      expect([
        ['0126', 'H0010'],
        ['0136', 'H0011'],
      ]).toContainEqual([room?.revenueCode, room?.procedureCode]);
      expect(room?.units).toBe(claim.endDay - claim.startDay);
      expect(room?.endDay).toBe(claim.endDay);
    }
  });

  it('dates each episode inside coverage and numbers its claim after the member’s others', () => {
    for (const records of withDetox) {
      const ids = records.claims.filter((c) => c.version === 1 && c.kind === 'medical').map((c) => c.claimId);
      expect(new Set(ids).size).toBe(ids.length);
      const last = [...ids].sort().at(-1);
      for (const claim of detoxClaims(records)) {
        expect(records.member.spans.some((s) => s.start <= claim.startDay && claim.startDay <= s.end)).toBe(
          true,
        );
        expect(claim.startDay).toBeGreaterThanOrEqual(windowStart);
        expect(claim.endDay).toBeLessThanOrEqual(asOf);
        expect(
          ids
            .filter((id) => id > claim.claimId)
            .every((id) => detoxClaims(records).some((d) => d.claimId === id)),
        ).toBe(true);
      }
      expect(detoxClaims(records).some((c) => c.claimId === last)).toBe(true);
    }
  });

  it('ends the episode before a naltrexone start 7–10 opioid-free days ahead, as the label asks', () => {
    const naltrexone = withDetox.filter((m) => m.profile.oud?.moud?.kind === 'naltrexone');
    expect(naltrexone.length).toBeGreaterThan(0);
    for (const records of naltrexone) {
      const start = records.profile.oud?.moud?.start ?? 0;
      // The episode drawn for the start (one drawn after an overdose starts 30 days or more away).
      const gaps = detoxClaims(records)
        .map((c) => start - c.endDay)
        .filter((gap) => gap > 0 && gap <= 20);
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(7);
        expect(gap).toBeLessThanOrEqual(11);
      }
    }
  });
});
