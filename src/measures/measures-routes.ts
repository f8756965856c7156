import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { RouteModule } from '../platform/http/route-module.ts';
import { parseRiskConfig } from '../risk/index.ts';
import { computeMeasures } from './compute-measures.ts';
import { parseMeasureConfig } from './measure-config.ts';
import { measureCodes } from './measure-row.ts';
import { formatMeasures } from './measures-format.ts';
import { isoMonthSchema } from './months.ts';
import { recordMeasureRun } from './record-measure-run.ts';

const row = z.object({
  measure: z.enum(measureCodes),
  market: z.string(),
  month: z.string().nullable(),
  period: z.enum(['range', 'baseline', 'latest12']).nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unit: z.string(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  suppressed: z.boolean(),
});

/**
 * The program measures for the analyst and the supervisor: aggregates only (the analyst
 * never reads a member row), small cells and their complements suppressed, as JSON or CSV.
 */
export const measuresRoutes: RouteModule = {
  name: 'measures',
  register(app) {
    app.get(
      '/api/analytics/measures',
      {
        config: { roles: ['analyst', 'supervisor'] },
        schema: {
          tags: ['analytics'],
          querystring: z.object({
            from: isoMonthSchema,
            to: isoMonthSchema,
            format: z.enum(['json', 'csv']).default('json'),
          }),
          response: {
            200: z.union([
              z.object({
                measureVersion: z.string(),
                from: z.string(),
                to: z.string(),
                programStart: z.string(),
                baseline: z.object({ from: z.string(), to: z.string() }),
                latest12: z.object({ from: z.string(), to: z.string() }),
                rows: z.array(row),
              }),
              z.string(),
            ]),
          },
        },
      },
      async (request, reply) => {
        const user = request.access.requireUser();
        const { from, to, format } = request.query;
        if (from > to)
          throw new AppError('validation_failed', 'The range ends before it starts.', [
            { path: 'to', message: 'before from' },
          ]);
        const config = parseMeasureConfig({});
        const result = await request.access.operation(
          { action: 'search', resourceType: 'MeasureReport' },
          async (stores) => {
            const computed = await computeMeasures(stores, {
              from,
              to,
              config,
              riskConfig: parseRiskConfig({}),
            });
            await recordMeasureRun(stores.db, computed, config, user.userId);
            return computed;
          },
          (r) => `measures ${r.measureVersion} ${r.from}..${r.to}: ${r.rows.length} rows`,
        );
        if (format === 'csv') {
          reply.type('text/csv; charset=utf-8');
          reply.header('content-disposition', `attachment; filename="measures-${from}-${to}.csv"`);
          return formatMeasures(result, 'csv');
        }
        return result;
      },
    );
  },
};
