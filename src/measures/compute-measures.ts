import { readDatasetNotes } from '../claims/index.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { AppError } from '../platform/errors.ts';
import { type Warehouse, withOwnConnection } from '../platform/warehouse/warehouse.ts';
import type { RiskConfig } from '../risk/index.ts';
import { buildRows } from './build-rows.ts';
import { addFunnel, readFunnel } from './funnel.ts';
import type { CellMap } from './measure-cells.ts';
import { type MeasureConfig, measureVersion } from './measure-config.ts';
import type { MeasureRow } from './measure-row.ts';
import { addMonths, monthBounds, monthsBetween } from './months.ts';
import { measureWarehouse } from './warehouse-measures.ts';

export interface MeasuresResult {
  measureVersion: string;
  from: string;
  to: string;
  programStart: string;
  baseline: { from: string; to: string };
  latest12: { from: string; to: string };
  /** Only plans of this type, or null for all. */
  planType: string | null;
  /** What the data itself says about itself: a synthetic demo population says so. */
  dataNotes: string[];
  rows: MeasureRow[];
}

/**
 * The program measures of RISK-RULES §10 from `from` to `to` (months, 'YYYY-MM'), with the
 * baseline (the 12 months before the program start) and the latest 12 months to `to`:
 * counts are made in the warehouse and the operational store, and only aggregates leave.
 */
export async function computeMeasures(
  stores: { db: OpsDb; warehouse: Warehouse },
  options: {
    from: string;
    to: string;
    config: MeasureConfig;
    riskConfig: RiskConfig;
    planType?: string | undefined;
    suppress?: boolean;
  },
): Promise<MeasuresResult> {
  if (options.from > options.to)
    throw new AppError('validation_failed', 'The range ends before it starts.', [
      { path: 'to', message: 'before from' },
    ]);
  const startMonth = options.config.programStart.slice(0, 7);
  const baseline = monthsBetween(addMonths(startMonth, -12), addMonths(startMonth, -1));
  const latest12 = monthsBetween(addMonths(options.to, -11), options.to);
  const range = monthsBetween(options.from, options.to);
  const months = [...new Set([...baseline, ...range, ...latest12])].sort();
  const cells: CellMap = new Map();
  const funnel = await readFunnel(stores.db, {
    first: monthBounds(months[0]!).start,
    last: monthBounds(months.at(-1)!).end,
    focusMarkets: options.config.focusMarkets,
  });
  const fromWarehouse = await withOwnConnection(stores.warehouse, (w) =>
    measureWarehouse(
      w,
      {
        months,
        config: options.config,
        riskConfig: options.riskConfig,
        referrals: funnel.referrals,
        planType: options.planType,
        cases: funnel.cases,
      },
      cells,
    ),
  );
  addFunnel(cells, funnel.cases, fromWarehouse);
  return {
    measureVersion,
    from: options.from,
    to: options.to,
    programStart: options.config.programStart,
    baseline: { from: baseline[0]!, to: baseline.at(-1)! },
    latest12: { from: latest12[0]!, to: latest12.at(-1)! },
    planType: options.planType ?? null,
    dataNotes: await readDatasetNotes(stores.warehouse),
    rows: buildRows(cells, {
      focusMarkets: options.config.focusMarkets,
      range,
      baseline,
      latest12,
      ...(options.suppress === false ? { suppress: false } : {}),
    }),
  };
}
