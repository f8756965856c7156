import { z } from 'zod';
import type { RouteModule } from '../../platform/http/route-module.ts';
import { describeLatestRules } from '../../risk/index.ts';

const codeDescriptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  rule: z.string(),
  section: z.string(),
  part2: z.boolean(),
  weight: z.number().int().optional(),
});

export const ruleCatalogSchema = z.object({
  ruleVersion: z.string(),
  runId: z.string().nullable(),
  riskFactors: z.array(codeDescriptionSchema),
  emergencies: z.array(codeDescriptionSchema),
  exclusions: z.array(codeDescriptionSchema),
  context: z.array(codeDescriptionSchema),
});
export type RuleCatalogResponse = z.infer<typeof ruleCatalogSchema>;
export type CodeDescriptionResponse = z.infer<typeof codeDescriptionSchema>;

/**
 * GET /api/rules: every risk factor, emergency, exclusion and context code with its name
 * and its rule as the latest run configured it, so the screens never restate a threshold.
 */
export const ruleCatalogRoutes: RouteModule = {
  name: 'rule-catalog',
  register(app) {
    app.get(
      '/api/rules',
      {
        config: {
          roles: ['case_manager', 'supervisor', 'clinical_pharmacist', 'um_reviewer', 'analyst', 'admin'],
        },
        schema: { tags: ['outreach'], response: { 200: ruleCatalogSchema } },
      },
      async (request) => request.access.nonMember(({ warehouse }) => describeLatestRules(warehouse)),
    );
  },
};
