import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { CandidateDisposer } from './candidate-disposer.ts';
import { evaluateMembers } from './evaluate-members.ts';
import { explainMember } from './explain-member.ts';
import { identifyMembers } from './identify-members.ts';
import { loadRun } from './load-run.ts';
import { hashRiskConfig, parseRiskConfig } from './risk-config.ts';
import { addEdVisit, addFill, addMedical, addMember, D, ndc, openTestWarehouse } from './test-population.ts';
import { formatWorklist } from './worklist-format.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await openTestWarehouse();
});
afterEach(async () => {
  await w.close();
});

/** A member with an OUD diagnosis (20) and an ED visit (20) on `edDate`. */
async function oudWithEdVisit(id: string, edDate: string, spec: { end?: string } = {}) {
  await addMember(w, { id, ...spec });
  await addMedical(w, { id: `${id}-DX`, member: id, date: '2026-01-15', dx: ['F1120'] });
  await addEdVisit(w, `${id}-ED`, id, edDate);
}

describe('the checkpoint (RISK-RULES §7)', () => {
  it('puts on the list only eligible members with an emergency in L90 and a risk factor', async () => {
    await oudWithEdVisit('A', '2026-06-30');
    await oudWithEdVisit('B', '2026-06-30', { end: '2026-06-29' }); // not eligible
    await addMember(w, { id: 'C' });
    await addEdVisit(w, 'C-ED', 'C', '2026-06-30'); // no risk factor
    await addMember(w, { id: 'D' });
    await addMedical(w, { id: 'D-DX', member: 'D', date: '2026-01-15', dx: ['F1120'] }); // no emergency
    const run = await identifyMembers(w, { asOf: D });
    expect(run.members.map((m) => m.memberId)).toEqual(['A']);
    expect(run.counts).toMatchObject({ membersEvaluated: 4, eligible: 3, candidates: 1, new: 1 });
  });

  it('scores the largest emergency weight, the factor weights and recency', async () => {
    await oudWithEdVisit('A', D); // 20 + 20 + 10
    await addMember(w, { id: 'B' });
    await addEdVisit(w, 'B-OD', 'B', '2026-04-02', ['T401X1A']); // overdose 40 + history 30 + recency 0
    await addMedical(w, {
      id: 'B-ADM',
      member: 'B',
      date: '2026-04-02',
      type: 'institutional',
      setting: 'inpatient',
      admissionType: '1',
    });
    await oudWithEdVisit('C', '2026-05-16'); // 45 days before D: round(10 × 44 ÷ 89) = 5 → 45
    const run = await identifyMembers(w, { asOf: D });
    expect(run.members.map((m) => [m.memberId, m.priority])).toEqual([
      ['B', 70],
      ['A', 50],
      ['C', 45],
    ]);
    expect(run.members[0]?.emergencies.map((e) => e.kind)).toEqual([
      'ED_VISIT',
      'EMERGENCY_ADMISSION',
      'OPIOID_OVERDOSE',
    ]);
  });

  it('breaks ties by the latest emergency, then by member id', async () => {
    // 20 + 20 + recency: 4 days before D gives round(10 × 85 ÷ 89) = round(9.55) = 10, as on D itself.
    await oudWithEdVisit('Z', '2026-06-26'); // 4 days: round(9.55) = 10 → 50
    await oudWithEdVisit('Y', '2026-06-30'); // 0 days: 10 → 50
    await oudWithEdVisit('X', '2026-06-30');
    const run = await identifyMembers(w, { asOf: D });
    expect(run.members.map((m) => [m.memberId, m.priority, m.latestEmergency])).toEqual([
      ['X', 50, '2026-06-30'],
      ['Y', 50, '2026-06-30'],
      ['Z', 50, '2026-06-26'],
    ]);
  });

  it('records the run so it can be shown again with every reason and its evidence', async () => {
    await oudWithEdVisit('A', D);
    await addFill(w, {
      id: 'N1',
      member: 'A',
      date: '2026-05-01',
      ndc: ndc.naloxoneSpray4,
      quantity: 2,
      days: 1,
    });
    await addMedical(w, { id: 'A-CA', member: 'A', date: '2026-01-20', dx: ['C3490'] });
    const config = parseRiskConfig({});
    const run = await identifyMembers(w, { asOf: D, config });
    const [recorded] = await w.all(
      'select as_of, rule_version, factor_set, config_hash, candidates from risk_run',
    );
    expect(recorded).toEqual({
      as_of: D,
      rule_version: '2026.1',
      factor_set: 'cdc-2022',
      config_hash: hashRiskConfig(config),
      candidates: 1,
    });
    const shown = await loadRun(w, run.runId);
    expect(shown.members).toEqual(run.members);
    expect(shown.members[0]).toMatchObject({
      riskFactors: [{ code: 'OUD_DIAGNOSIS', value: 1, evidence: ['A-DX'] }],
      exclusions: ['CANCER'],
      context: ['NALOXONE_FILL'],
    });
  });

  it('asks the disposer for each candidate and counts its answers', async () => {
    await oudWithEdVisit('A', D);
    await oudWithEdVisit('B', D);
    const disposer: CandidateDisposer = {
      async dispose(_run, candidates) {
        return new Map(
          candidates.map((c) => [
            c.memberId,
            c.memberId === 'A'
              ? { disposition: 'open' as const }
              : { disposition: 'suppressed' as const, reason: 'DECLINED' },
          ]),
        );
      },
    };
    const run = await identifyMembers(w, { asOf: D, disposer });
    expect(run.counts).toMatchObject({ new: 0, open: 1, suppressed: 1 });
    expect(run.dispositionSource).toBe('operational-store');
    expect(run.members[1]).toMatchObject({
      memberId: 'B',
      disposition: 'suppressed',
      dispositionReason: 'DECLINED',
    });
  });

  it('fails when the disposer leaves a candidate out', async () => {
    await oudWithEdVisit('A', D);
    const disposer: CandidateDisposer = { dispose: async () => new Map() };
    await expect(identifyMembers(w, { asOf: D, disposer })).rejects.toMatchObject({ code: 'internal' });
  });

  it('writes byte-identical worklists for the same data and as-of date, apart from the run id', async () => {
    await oudWithEdVisit('A', D);
    await oudWithEdVisit('B', '2026-06-01');
    const first = await identifyMembers(w, { asOf: D });
    const second = await identifyMembers(w, { asOf: D });
    for (const format of ['json', 'csv', 'fhir'] as const)
      expect(formatWorklist(second, format).replaceAll(second.runId, 'RUN')).toBe(
        formatWorklist(first, format).replaceAll(first.runId, 'RUN'),
      );
  });
});

describe('worklist formats (identify --format json, csv, fhir)', () => {
  it('writes the JSON shape, one CSV row per member with codes joined by ;, and FHIR Tasks', async () => {
    await oudWithEdVisit('A', D);
    await addMedical(w, { id: 'A-SUD', member: 'A', date: '2026-02-01', dx: ['F1020'] });
    const run = await identifyMembers(w, { asOf: D });
    const json = JSON.parse(formatWorklist(run, 'json'));
    expect(Object.keys(json)).toEqual(['runId', 'asOf', 'ruleVersion', 'factorSet', 'counts', 'members']);
    expect(json.counts).toEqual({ eligible: 1, candidates: 1, new: 1, open: 0, suppressed: 0 });
    expect(json.members[0]).toEqual({
      memberId: 'A',
      market: 'NJ',
      priority: 55,
      disposition: 'new',
      emergencies: [{ kind: 'ED_VISIT', date: D, claimId: 'A-ED' }],
      riskFactors: [
        { code: 'OUD_DIAGNOSIS', value: 1, evidence: ['A-DX'] },
        { code: 'OTHER_SUD_DIAGNOSIS', value: 1, evidence: ['A-SUD'] },
      ],
      exclusions: [],
      context: [],
    });
    expect(formatWorklist(run, 'csv')).toBe(
      'memberId,market,priority,disposition,latestEmergency,emergencies,riskFactors,exclusions,context\n' +
        'A,NJ,55,new,2026-06-30,ED_VISIT,OUD_DIAGNOSIS;OTHER_SUD_DIAGNOSIS,,\n',
    );
    const task = JSON.parse(formatWorklist(run, 'fhir').trim());
    expect(task).toMatchObject({
      resourceType: 'Task',
      code: { coding: [{ code: 'outreach' }] },
      for: { reference: 'Patient/A' },
      reasonCode: { text: 'ED_VISIT;OUD_DIAGNOSIS;OTHER_SUD_DIAGNOSIS' },
      priority: 'urgent',
    });
  });
});

describe('runs on one warehouse handle', () => {
  it('gives each of several concurrent evaluations its own answer', async () => {
    await oudWithEdVisit('A', D);
    await addMember(w, { id: 'B' });
    await addFill(w, {
      id: 'B1',
      member: 'B',
      date: '2026-06-01',
      ndc: ndc.oxycodone5,
      quantity: 120,
      days: 30,
    });
    const [a, b, run] = await Promise.all([
      evaluateMembers(w, { asOf: D, memberId: 'A' }),
      evaluateMembers(w, { asOf: D, memberId: 'B' }),
      identifyMembers(w, { asOf: D, record: false }),
    ]);
    expect(a.map((m) => [m.memberId, m.riskFactors])).toEqual([['A', ['OUD_DIAGNOSIS']]]);
    expect(b.map((m) => [m.memberId, m.w180.opioidDays])).toEqual([['B', 30]]);
    expect(run.members.map((m) => m.memberId)).toEqual(['A']);
  });
});

describe('a run scoped to one member', () => {
  it('explains each member exactly as the full run measured them', async () => {
    await oudWithEdVisit('A', D);
    await addMember(w, { id: 'B' });
    await addFill(w, {
      id: 'B1',
      member: 'B',
      date: '2026-03-01',
      ndc: ndc.oxycodone5,
      quantity: 360,
      days: 30,
    });
    await addFill(w, {
      id: 'B2',
      member: 'B',
      date: '2026-04-01',
      ndc: ndc.alprazolam1,
      quantity: 30,
      days: 30,
    });
    await addMedical(w, {
      id: 'B3',
      member: 'B',
      date: '2026-05-01',
      dx: ['C50911'],
      lines: [{ procedure: '99283' }],
    });
    const all = await evaluateMembers(w, { asOf: D });
    expect(all.map((m) => m.memberId)).toEqual(['A', 'B']);
    for (const m of all) expect((await explainMember(w, m.memberId, { asOf: D })).metrics).toEqual(m);
  });
});
