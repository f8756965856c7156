import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isoDaySchema } from '../platform/calendar/iso-day-schema.ts';
import { todayIso } from '../platform/calendar/iso-days.ts';
import { AppError } from '../platform/errors.ts';
import type { RouteModule } from '../platform/http/route-module.ts';
import { parseRiskConfig } from '../risk/index.ts';
import { computeMeasures } from './compute-measures.ts';
import { measureCodes } from './measure-row.ts';
import { formatMeasures } from './measures-format.ts';
import { isoMonthSchema } from './months.ts';
import { planTypes } from './plan-types.ts';
import { recordMeasureRun } from './record-measure-run.ts';
import { renderProgramReport } from './report/program-report.ts';
import { readMeasureConfig } from './stored-measure-config.ts';
import { computeWhatIf } from './what-if.ts';

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

const filter = {
  from: isoMonthSchema,
  to: isoMonthSchema,
  planType: z.enum(planTypes).optional(),
};

const resultSchema = z.object({
  measureVersion: z.string(),
  from: z.string(),
  to: z.string(),
  programStart: z.string(),
  baseline: z.object({ from: z.string(), to: z.string() }),
  latest12: z.object({ from: z.string(), to: z.string() }),
  planType: z.string().nullable(),
  dataNotes: z.array(z.string()),
  rows: z.array(row),
});

/** One measures run for a request: computed in the stores, recorded with its version, audited. */
async function measuresFor(
  request: FastifyRequest,
  query: { from: string; to: string; planType?: string | undefined },
) {
  const user = request.access.requireUser();
  if (query.from > query.to)
    throw new AppError('validation_failed', 'The range ends before it starts.', [
      { path: 'to', message: 'before from' },
    ]);
  return request.access.operation(
    { action: 'search', resourceType: 'MeasureReport' },
    async (stores) => {
      const config = await readMeasureConfig(stores.db);
      const computed = await computeMeasures(stores, { ...query, config, riskConfig: parseRiskConfig({}) });
      await recordMeasureRun(stores.db, computed, config, user.userId);
      return computed;
    },
    (r) =>
      `measures ${r.measureVersion} ${r.from}..${r.to}${r.planType ? ` ${r.planType}` : ''}: ${r.rows.length} rows`,
  );
}

/**
 * The program measures for the analyst and the supervisor: aggregates only (the analyst
 * never reads a member row), small cells and their complements suppressed, as JSON or CSV,
 * and the program report as PDF.
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
          querystring: z.object({ ...filter, format: z.enum(['json', 'csv']).default('json') }),
          response: { 200: z.union([resultSchema, z.string()]) },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await measuresFor(request, query);
        if (format === 'csv') {
          reply.type('text/csv; charset=utf-8');
          reply.header(
            'content-disposition',
            `attachment; filename="measures-${query.from}-${query.to}.csv"`,
          );
          return formatMeasures(result, 'csv');
        }
        return result;
      },
    );
    app.post(
      '/api/analytics/what-if',
      {
        config: { roles: ['analyst', 'supervisor', 'admin'] },
        schema: {
          tags: ['analytics'],
          body: z.object({
            asOf: isoDaySchema.optional(),
            changes: z.record(z.string(), z.unknown()),
          }),
          response: {
            200: z.object({
              asOf: z.string(),
              changes: z.record(z.string(), z.unknown()),
              rows: z.array(
                z.object({
                  market: z.string(),
                  now: z.number().nullable(),
                  withChange: z.number().nullable(),
                  added: z.number().nullable(),
                  removed: z.number().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        request.access.requireUser();
        const asOf = request.body.asOf ?? todayIso();
        return request.access.operation(
          { action: 'search', resourceType: 'MeasureReport' },
          (stores) =>
            computeWhatIf(stores.warehouse, {
              asOf,
              current: parseRiskConfig({}),
              changes: request.body.changes,
            }),
          (r) => `what-if as of ${r.asOf}: ${JSON.stringify(r.changes)}`,
        );
      },
    );
    app.get(
      '/api/analytics/report',
      {
        config: { roles: ['analyst', 'supervisor'] },
        schema: { tags: ['analytics'], querystring: z.object(filter) },
      },
      async (request, reply) => {
        const result = await measuresFor(request, request.query);
        const pdf = await renderProgramReport(result, {
          planName: 'Checkpoint',
          dataNotes: result.dataNotes,
        });
        reply.type('application/pdf');
        reply.header(
          'content-disposition',
          `attachment; filename="program-report-${result.from}-${result.to}.pdf"`,
        );
        return reply.send(pdf);
      },
    );
  },
};
