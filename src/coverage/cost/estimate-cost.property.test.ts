import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { type BenefitCategory, benefitCategories } from '../plans/plan-schema.ts';
import { compareNetworkCosts, estimateEpisodeCost, type PlannedService } from './estimate-cost.ts';

const plans = loadDemoPlans();
const categories = Object.keys(benefitCategories) as BenefitCategory[];
const service = fc.record({
  code: fc.constant('X0000'),
  description: fc.constant('service'),
  category: fc.constantFrom(...categories),
  units: fc.integer({ min: 1, max: 30 }),
  allowedPerUnit: fc.integer({ min: 1, max: 2000 }),
  markup: fc.integer({ min: 0, max: 500 }),
});
const input = fc.record({
  plan: fc.constantFrom(...plans),
  network: fc.constantFrom('in' as const, 'out' as const),
  hasReferral: fc.boolean(),
  services: fc.array(service, { minLength: 1, maxLength: 5 }),
  met: fc.record({ ded: fc.integer({ min: 0, max: 4000 }), oop: fc.integer({ min: 0, max: 9000 }) }),
});
type ServiceDraft = { allowedPerUnit: number; markup: number } & Omit<PlannedService, 'billedPerUnit'>;
const toServices = (drafts: readonly ServiceDraft[]): PlannedService[] =>
  drafts.map(({ markup, ...rest }) => ({ ...rest, billedPerUnit: rest.allowedPerUnit + markup }));

describe('estimateEpisodeCost invariants', () => {
  it('never charges a negative amount, splits each covered allowed amount exactly, and respects the out-of-pocket maximum', () => {
    fc.assert(
      fc.property(input, ({ plan, network, hasReferral, services, met }) => {
        const accumulators = {
          in: { deductibleMet: met.ded, outOfPocketMet: Math.max(met.ded, met.oop) },
          out: { deductibleMet: 0, outOfPocketMet: 0 },
        };
        const e = estimateEpisodeCost({
          plan,
          network,
          hasReferral,
          services: toServices(services),
          accumulators,
        });
        let shareTotal = 0;
        for (const line of e.lines) {
          expect(line.memberPays).toBeGreaterThanOrEqual(0);
          expect(line.planPays).toBeGreaterThanOrEqual(0);
          if (line.covered) {
            const share = line.deductible + line.copay + line.coinsurance;
            expect(share + line.planPays).toBeCloseTo(line.allowed, 2);
            shareTotal += share;
          }
        }
        if (e.outOfPocketRemaining) {
          expect(shareTotal).toBeLessThanOrEqual(e.outOfPocketRemaining.before + 0.01);
          expect(e.outOfPocketRemaining.after).toBeGreaterThanOrEqual(0);
        }
        if (e.deductibleRemaining) expect(e.deductibleRemaining.after).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never makes out-of-network care cheaper for the member than in-network care', () => {
    fc.assert(
      fc.property(input, ({ plan, hasReferral, services, met }) => {
        const both = compareNetworkCosts({
          plan,
          hasReferral,
          services: toServices(services),
          accumulators: {
            in: { deductibleMet: met.ded, outOfPocketMet: met.oop },
            out: { deductibleMet: 0, outOfPocketMet: 0 },
          },
        });
        expect(both.outOfNetwork.memberPays).toBeGreaterThanOrEqual(both.inNetwork.memberPays - 0.01);
      }),
      { numRuns: 300 },
    );
  });
});
