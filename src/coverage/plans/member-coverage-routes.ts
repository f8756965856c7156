import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import { AppError } from '../../platform/errors.ts';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { type FocusMarket, focusMarkets, marketOf } from '../../reference/index.ts';
import { planEpisode } from '../cost/episode-templates.ts';
import { compareNetworkCosts } from '../cost/estimate-cost.ts';
import { findMemberEnrollment, readMemberAddress } from '../cost/member-plan.ts';
import { sumPlanYearAccumulators } from '../cost/plan-year-accumulators.ts';
import { buildEligibilityChecklist } from '../eligibility/eligibility-checklist.ts';
import { careServices, careTypes } from '../network/network-schema.ts';
import { networkStatusFor, searchDirectory } from '../network/search-directory.ts';
import { costEstimateSchema, directoryHitSchema } from '../preauth/view-schemas.ts';
import { readNetwork, readPlan } from './plan-store.ts';

const roles = ['case_manager', 'supervisor', 'um_reviewer', 'member'] as const;
const params = z.object({ memberId: z.string().min(1).max(64) });
const asOfQuery = z.object({ asOf: z.iso.date().optional() });
const accumulatorSchema = z.object({ deductibleMet: z.number(), outOfPocketMet: z.number() });
const checklistSchema = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    status: z.string(),
    summary: z.string(),
    evidence: z.array(z.object({ claimId: z.string(), date: z.string(), code: z.string() })),
  }),
);

/** The member's plan and where they stand this plan year; their eligibility checklist; what an episode will cost them. */
export const memberCoverageRoutes: RouteModule = {
  name: 'member-coverage',
  register(app) {
    app.get(
      '/api/members/:memberId/coverage',
      {
        config: { roles },
        schema: {
          tags: ['coverage'],
          params,
          querystring: asOfQuery,
          response: {
            200: z.object({
              planId: z.string(),
              planName: z.string(),
              planType: z.string(),
              behavioralHealthCaseManagement: z.boolean(),
              behavioralHealthLine: z.string().nullable(),
              deductible: z.number(),
              outOfPocketMax: z.number(),
              accumulators: z.object({ in: accumulatorSchema, out: accumulatorSchema }),
              planYearStart: z.string(),
              assumptions: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => {
        const asOf = request.query.asOf ?? todayIso();
        const { memberId } = request.params;
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'Coverage' },
          async (_grant, { db, warehouse }) => {
            const enrollment = await findMemberEnrollment(warehouse, memberId, asOf);
            if (!enrollment) throw new AppError('not_found', `The member has no plan enrollment on ${asOf}.`);
            const plan = await readPlan(db, enrollment.planId);
            const ytd = await sumPlanYearAccumulators(warehouse, memberId, plan, asOf);
            return {
              planId: plan.planId,
              planName: plan.name,
              planType: plan.planType,
              behavioralHealthCaseManagement: plan.behavioralHealthCaseManagement,
              behavioralHealthLine: plan.behavioralHealthLine,
              deductible: plan.inNetwork.deductible,
              outOfPocketMax: plan.inNetwork.outOfPocketMax,
              accumulators: ytd.accumulators,
              planYearStart: ytd.planYear.start,
              assumptions: ytd.assumptions,
            };
          },
        );
      },
    );

    app.get(
      '/api/members/:memberId/care-options',
      {
        config: { roles },
        schema: {
          tags: ['coverage'],
          params,
          querystring: z.object({
            type: z.enum(careTypes).optional(),
            service: z.enum(careServices).optional(),
            inNetworkOnly: z.enum(['true', 'false']).default('true'),
          }),
          response: {
            200: z.object({
              market: z.string(),
              zip: z.string().nullable(),
              planId: z.string(),
              items: z.array(directoryHitSchema),
            }),
          },
        },
      },
      async (request) => {
        const { memberId } = request.params;
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'CareOptions' },
          async (_grant, { db, warehouse }) => {
            const address = await readMemberAddress(warehouse, memberId);
            const enrollment = await findMemberEnrollment(warehouse, memberId, todayIso());
            if (!enrollment) throw new AppError('not_found', 'The member has no plan enrollment today.');
            const market = marketOf({
              countyFips: address?.county ?? null,
              zip: address?.zip ?? null,
              state: address?.state ?? null,
            });
            const zip = address?.zip?.slice(0, 5) ?? null;
            const q = request.query;
            const hits = searchDirectory(await readNetwork(db), {
              ...((focusMarkets as readonly string[]).includes(market)
                ? { market: market as FocusMarket }
                : {}),
              ...(zip && /^\d{5}$/.test(zip) ? { zip } : {}),
              ...(q.type ? { type: q.type } : {}),
              ...(q.service ? { service: q.service } : {}),
              planId: enrollment.planId,
              inNetworkOnly: q.inNetworkOnly === 'true',
            });
            return {
              market,
              zip,
              planId: enrollment.planId,
              items: hits.map((h) => ({ ...h.entry, networkStatus: h.networkStatus, nearness: h.nearness })),
            };
          },
        );
      },
    );

    app.get(
      '/api/members/:memberId/eligibility-checklist',
      {
        config: { roles },
        schema: {
          tags: ['coverage'],
          params,
          querystring: asOfQuery,
          response: { 200: z.object({ items: checklistSchema }) },
        },
      },
      async (request) => {
        const asOf = request.query.asOf ?? todayIso();
        const { memberId } = request.params;
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'EligibilityChecklist' },
          async (grant, { warehouse }) => ({
            items: await buildEligibilityChecklist(warehouse, memberId, asOf, grant.includePart2),
          }),
        );
      },
    );

    app.post(
      '/api/members/:memberId/cost-estimate',
      {
        config: { roles },
        schema: {
          tags: ['coverage'],
          params,
          body: z.object({
            facilityId: z.string().min(1).max(64),
            units: z.number().int().positive().max(365).optional(),
            hasReferral: z.boolean().default(false),
            asOf: z.iso.date().optional(),
          }),
          response: {
            200: z.object({
              facility: z.object({
                id: z.string(),
                name: z.string(),
                type: z.string(),
                networkStatus: z.enum(['in', 'out']),
              }),
              atThisFacility: costEstimateSchema,
              inNetwork: costEstimateSchema,
              outOfNetwork: costEstimateSchema,
              planYearStart: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const { memberId } = request.params;
        const asOf = request.body.asOf ?? todayIso();
        return request.access.member(
          memberId,
          { action: 'read', resourceType: 'CostEstimate' },
          async (_grant, { db, warehouse }) => {
            const entry = (await readNetwork(db)).find((e) => e.id === request.body.facilityId);
            if (!entry)
              throw new AppError('not_found', 'There is no such facility in the directory.', [
                { path: 'facilityId', message: 'unknown facility' },
              ]);
            const enrollment = await findMemberEnrollment(warehouse, memberId, asOf);
            if (!enrollment) throw new AppError('not_found', `The member has no plan enrollment on ${asOf}.`);
            const plan = await readPlan(db, enrollment.planId);
            const ytd = await sumPlanYearAccumulators(warehouse, memberId, plan, asOf);
            const both = compareNetworkCosts({
              plan,
              hasReferral: request.body.hasReferral,
              services: planEpisode(entry, request.body.units),
              accumulators: ytd.accumulators,
            });
            const status = networkStatusFor(entry, plan.planId);
            const withAssumptions = (e: typeof both.inNetwork) => ({
              ...e,
              assumptions: [...e.assumptions, ...ytd.assumptions],
            });
            return {
              facility: { id: entry.id, name: entry.name, type: entry.type, networkStatus: status },
              atThisFacility: withAssumptions(status === 'in' ? both.inNetwork : both.outOfNetwork),
              inNetwork: withAssumptions(both.inNetwork),
              outOfNetwork: withAssumptions(both.outOfNetwork),
              planYearStart: ytd.planYear.start,
            };
          },
        );
      },
    );
  },
};
