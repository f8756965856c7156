import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { focusMarkets } from '../../reference/index.ts';
import { checkParity } from '../plans/check-parity.ts';
import { planSchema } from '../plans/plan-schema.ts';
import { readNetwork, readPlan, readPlans } from '../plans/plan-store.ts';
import { summarizeFacilityCoverage } from '../plans/summarize-coverage.ts';
import { denialReasons } from '../preauth/authorization.ts';
import { levelsOfCare } from '../preauth/levels-of-care.ts';
import { directoryHitSchema } from '../preauth/view-schemas.ts';
import { careServices, careTypes } from './network-schema.ts';
import { searchDirectory } from './search-directory.ts';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Plans with their benefits and parity findings, and the care network directory: no member data. */
export const planDirectoryRoutes: RouteModule = {
  name: 'coverage',
  register(app) {
    app.get(
      '/api/coverage/plans',
      {
        config: { roles: 'signed-in' },
        schema: {
          tags: ['coverage'],
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  planId: z.string(),
                  name: z.string(),
                  planType: z.string(),
                  lineOfBusiness: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => request.access.nonMember(async ({ db }) => ({ items: await readPlans(db) })),
    );

    app.get(
      '/api/coverage/plans/:planId',
      {
        config: { roles: 'signed-in' },
        schema: {
          tags: ['coverage'],
          params: z.object({ planId: z.string().min(1).max(40) }),
          response: {
            200: z.object({
              plan: planSchema,
              facilityCoverage: z.array(
                z.object({
                  careType: z.string(),
                  care: z.string(),
                  inNetwork: z.string(),
                  outOfNetwork: z.string(),
                  preauthorizationRequired: z.boolean(),
                  referralNeeded: z.boolean(),
                }),
              ),
              parity: z.array(
                z.object({
                  category: z.string(),
                  tier: z.string(),
                  requirement: z.string(),
                  severity: z.string(),
                  message: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const plan = await request.access.nonMember(({ db }) => readPlan(db, request.params.planId));
        return { plan, facilityCoverage: summarizeFacilityCoverage(plan), parity: checkParity(plan) };
      },
    );

    app.get(
      '/api/coverage/levels-of-care',
      {
        config: { roles: 'signed-in' },
        schema: {
          tags: ['coverage'],
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  procedureCodes: z.array(z.string()),
                  criteria: z.array(
                    z.object({ id: z.string(), text: z.string(), source: z.string(), kind: z.string() }),
                  ),
                }),
              ),
              denialReasons: z.array(z.string()),
            }),
          },
        },
      },
      async () => ({
        items: levelsOfCare.map((l) => ({
          ...l,
          procedureCodes: [...l.procedureCodes],
          criteria: [...l.criteria],
        })),
        denialReasons: [...denialReasons],
      }),
    );

    app.get(
      '/api/coverage/directory',
      {
        config: { roles: 'signed-in' },
        schema: {
          tags: ['coverage'],
          querystring: z.object({
            market: z.enum(focusMarkets).optional(),
            zip: z
              .string()
              .regex(/^\d{5}$/)
              .optional(),
            type: z.enum(careTypes).optional(),
            service: z.enum(careServices).optional(),
            planId: z.string().max(40).optional(),
            inNetworkOnly: flag.optional(),
            acceptingNewPatients: flag.optional(),
            language: z.string().max(40).optional(),
          }),
          response: { 200: z.object({ items: z.array(directoryHitSchema) }) },
        },
      },
      async (request) => {
        const q = request.query;
        const network = await request.access.nonMember(({ db }) => readNetwork(db));
        const hits = searchDirectory(network, {
          ...(q.market ? { market: q.market } : {}),
          ...(q.zip ? { zip: q.zip } : {}),
          ...(q.type ? { type: q.type } : {}),
          ...(q.service ? { service: q.service } : {}),
          ...(q.planId ? { planId: q.planId } : {}),
          ...(q.inNetworkOnly !== undefined ? { inNetworkOnly: q.inNetworkOnly } : {}),
          ...(q.acceptingNewPatients !== undefined ? { acceptingNewPatients: q.acceptingNewPatients } : {}),
          ...(q.language ? { language: q.language } : {}),
        });
        return {
          items: hits.map((h) => ({ ...h.entry, networkStatus: h.networkStatus, nearness: h.nearness })),
        };
      },
    );
  },
};
