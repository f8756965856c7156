import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyMmeSeries } from './daily-mme-series.ts';
import { evaluateMembers } from './evaluate-members.ts';
import { identifyMembers } from './identify-members.ts';
import {
  addFill,
  addMedical,
  addMember,
  D,
  type FillSpec,
  type MedicalSpec,
  ndc,
  openTestWarehouse,
} from './test-population.ts';

const day = (offset: number) =>
  new Date(Date.parse(`${D}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const members = ['M1', 'M2', 'M3'];
const fillArb = fc.record({
  member: fc.constantFrom(...members),
  date: fc.integer({ min: -400, max: 10 }).map(day),
  ndc: fc.constantFrom(...Object.values(ndc)),
  quantity: fc.integer({ min: 0, max: 240 }),
  days: fc.integer({ min: 1, max: 90 }),
  prescriber: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', null),
  pharmacy: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', null),
});
const medicalArb = fc.record({
  member: fc.constantFrom(...members),
  date: fc.integer({ min: -400, max: 10 }).map(day),
  type: fc.constantFrom('professional' as const, 'institutional' as const),
  setting: fc.constantFrom('inpatient' as const, 'outpatient' as const, null),
  admissionType: fc.constantFrom('1', '3', null),
  dx: fc.array(fc.constantFrom('F1120', 'T401X1A', 'F1020', 'C50911', 'Z515', 'M545', 'D571'), {
    maxLength: 3,
  }),
  lines: fc.array(
    fc.record({
      procedure: fc.constantFrom('99283', 'A0427', 'H0020', '99213', 'Q5003'),
      revenue: fc.constantFrom('0450', '0651', '0300'),
      pos: fc.constantFrom('23', '11', '34'),
    }),
    { maxLength: 2 },
  ),
});
const populationArb = fc.record({
  fills: fc.array(fillArb, { maxLength: 14 }),
  medical: fc.array(medicalArb, { maxLength: 8 }),
});
type Population = { fills: Array<Omit<FillSpec, 'id'>>; medical: Array<Omit<MedicalSpec, 'id'>> };

async function load(population: Population, order: (n: number) => number[] = (n) => [...Array(n).keys()]) {
  const w = await openTestWarehouse();
  for (const m of members) await addMember(w, { id: m });
  const claims = [
    ...population.fills.map((f, i) => () => addFill(w, { ...f, id: `F${i}` })),
    ...population.medical.map((c, i) => () => addMedical(w, { ...c, id: `C${i}` })),
  ];
  for (const i of order(claims.length)) await claims[i]?.();
  return w;
}

async function outcome(
  population: Population,
  extra?: (w: Awaited<ReturnType<typeof load>>) => Promise<void>,
) {
  const w = await load(population);
  await extra?.(w);
  const metrics = await evaluateMembers(w, { asOf: D });
  const run = await identifyMembers(w, { asOf: D, record: false });
  await w.close();
  return { metrics, members: run.members, counts: run.counts };
}

const runs = { numRuns: 8 };

describe('risk rule properties', () => {
  it('never gives a negative MME', async () => {
    await fc.assert(
      fc.asyncProperty(populationArb, async (population) => {
        const w = await load(population);
        const metrics = await evaluateMembers(w, { asOf: D });
        const series = await dailyMmeSeries(w, 'M1', day(-200), D);
        await w.close();
        for (const m of metrics)
          for (const x of m.windows) expect(x.averageDailyMme).toBeGreaterThanOrEqual(0);
        for (const s of series) expect(s.mme).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  }, 60_000);

  it('changes nothing when a reversed claim is added', async () => {
    await fc.assert(
      fc.asyncProperty(populationArb, fillArb, medicalArb, async (population, fill, claim) => {
        const before = await outcome(population);
        const after = await outcome(population, async (w) => {
          await addFill(w, { ...fill, id: 'REV-F', reversed: true });
          await addMedical(w, { ...claim, id: 'REV-C', reversed: true });
        });
        expect(after).toEqual(before);
      }),
      runs,
    );
  }, 60_000);

  it('gives the same answer whatever order the claims arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(
        populationArb.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.shuffledSubarray([...Array(p.fills.length + p.medical.length).keys()], {
              minLength: p.fills.length + p.medical.length,
            }),
          ),
        ),
        async ([population, order]) => {
          const inOrder = await outcome(population);
          const w = await load(population, () => order);
          const metrics = await evaluateMembers(w, { asOf: D });
          const run = await identifyMembers(w, { asOf: D, record: false });
          await w.close();
          expect({ metrics, members: run.members, counts: run.counts }).toEqual(inOrder);
        },
      ),
      runs,
    );
  }, 60_000);
});
