import { addDays } from '../platform/calendar/iso-days.ts';
import { createTempTable as createTable, insertRows } from '../platform/warehouse/temp-tables.ts';
import type { SqlParam, Warehouse } from '../platform/warehouse/warehouse.ts';
import {
  type CodeSet,
  diagnosisSets,
  edVisit,
  emergencyAdmissionType,
  emergencyTransport,
  hospiceService,
  marketCounties,
  marketStates,
  marketZip3,
  otpServices,
} from '../reference/index.ts';
import type { RiskConfig } from './risk-config.ts';

/** What a run is scoped to: the as-of date and, for explain, one member. */
export interface RuleScope {
  asOf: string;
  memberId?: string | undefined;
  /** The first day of claims the claim steps read (default: the start of W365); the program measures read years. */
  claimsFrom?: string | undefined;
}

/** The hits that exclude a member from the prescribing factors (RISK-RULES §5 Exclusions). */
export const exclusionHits = ['cancer', 'sickle_cell', 'hospice'] as const;

/** Diagnosis code sets the rules read, by the hit name the SQL gives them. */
const diagnosisHits: Record<string, CodeSet> = {
  oud: diagnosisSets.oud,
  opioid_overdose: diagnosisSets.opioidOverdose,
  other_sud: diagnosisSets.otherSud,
  cancer: diagnosisSets.cancer,
  sickle_cell: diagnosisSets.sickleCell,
  hospice: diagnosisSets.hospiceDiagnosis,
};

/** Line-level code sets: [hit, field, codes, claim type the code requires or null]. */
const serviceHits: ReadonlyArray<
  readonly [string, 'procedure' | 'revenue' | 'pos', readonly string[], string | null]
> = [
  ['ed_visit', 'revenue', edVisit.revenueCodes, null],
  ['ed_visit', 'procedure', edVisit.procedureCodes, null],
  // RISK-RULES §3: place of service 23 counts on professional claims.
  ['ed_visit', 'pos', edVisit.placesOfService, 'professional'],
  ['emergency_transport', 'procedure', emergencyTransport.procedureCodes, null],
  ['hospice', 'pos', hospiceService.placesOfService, null],
  ['hospice', 'revenue', hospiceService.revenueCodes, null],
  ['hospice', 'procedure', hospiceService.procedureCodes, null],
  ['otp', 'procedure', otpServices.procedureCodes, null],
];

/** How a drug reference class becomes a kind of fill (RISK-RULES §4). */
export const drugClassKinds: ReadonlyArray<readonly [string, string]> = [
  ['opioid_analgesic', 'opioid'],
  ['benzodiazepine', 'benzodiazepine'],
  ['buprenorphine', 'moud'],
  ['naltrexone', 'moud'],
  ['naloxone', 'naloxone'],
];

/** Patch factors are per mcg/hr; RxNorm-sourced rows may state mg/hr (as `dailyMme` in src/reference reads them). */
export const unitScales: ReadonlyArray<readonly [string, number]> = [['MG/HR', 1000]];

/** Buprenorphine in every form is MOUD, never an opioid analgesic fill, whatever its class says. */
export const moudIngredients = ['buprenorphine', 'naltrexone'];

/**
 * Loads the run's parameters, code sets, markets and weights into small temp
 * tables (`rk_param`, `rk_window`, `rk_code_set`, `rk_service_code`, …) that the
 * rule SQL joins, so no threshold or code is spelled inside the SQL.
 */
export async function loadRuleTables(
  warehouse: Warehouse,
  config: RiskConfig,
  scope: RuleScope,
): Promise<void> {
  const w = config.windows;
  const t = config.thresholds;
  const d = scope.asOf;
  await createTable(
    warehouse,
    'rk_param',
    `as_of date, l90_start date, w180_start date, w365_start date, moud_start date, lookback_days integer,
     factor_set varchar, member_filter varchar, high_mme double precision, episode_min_fills integer,
     episode_min_days_supply integer, min_prescribers integer, min_pharmacies integer, benzo_min_fills integer,
     overlap_min_days integer, long_term_min_days integer, emergency_admission_type varchar, recency_weight integer`,
  );
  await warehouse.run(
    `insert into rk_param values (cast($1 as date), cast($2 as date), cast($3 as date), cast($4 as date),
       cast($5 as date), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      d,
      addDays(d, -(w.lookbackDays - 1)),
      addDays(d, -(w.shortDays - 1)),
      scope.claimsFrom ?? addDays(d, -(w.longDays - 1)),
      addDays(d, -(w.moudDays - 1)),
      w.lookbackDays,
      config.factorSet,
      scope.memberId ?? null,
      t.highMme,
      t.episodeMinFills,
      t.episodeMinDaysSupply,
      t.minPrescribers,
      t.minPharmacies,
      t.benzoMinFills,
      t.overlapMinDays,
      t.longTermMinDays,
      emergencyAdmissionType,
      config.recencyWeight,
    ],
  );
  await createTable(warehouse, 'rk_window', 'window_name varchar, start_date date, end_date date');
  await insertRows(warehouse, 'rk_window', 'cast(? as varchar), cast(? as date), cast(? as date)', [
    ['L90', addDays(d, -(w.lookbackDays - 1)), d],
    ['W180', addDays(d, -(w.shortDays - 1)), d],
    ['W365', addDays(d, -(w.longDays - 1)), d],
  ]);
  await loadConfigTables(warehouse, config);
}

/**
 * The tables that depend on the configuration alone (code sets, weights, markets). On DuckDB
 * a connection keeps them, marked with their configuration in `rk_loaded`, and later runs of
 * the same configuration skip reloading them (about a third of a one-member explanation's
 * statements). The mark lives in the database, so a rolled-back transaction takes it away too.
 */
async function loadConfigTables(warehouse: Warehouse, config: RiskConfig): Promise<void> {
  const key = JSON.stringify([
    config.emergencyWeights,
    config.factorWeights,
    config.linesOfBusiness,
    config.markets,
  ]);
  if (warehouse.dialect === 'duckdb' && (await readLoadedKey(warehouse)) === key) return;
  await createTable(warehouse, 'rk_loaded', 'config_key varchar');
  await createTable(
    warehouse,
    'rk_code_set',
    'hit varchar, match_kind varchar, code varchar, is_exception boolean',
  );
  const codeRows: SqlParam[][] = [];
  for (const [hit, set] of Object.entries(diagnosisHits)) {
    if (set.kind === 'exact') for (const c of set.codes) codeRows.push([hit, 'exact', c, false]);
    else {
      for (const c of set.include) codeRows.push([hit, 'prefix', c, false]);
      for (const c of set.exclude) codeRows.push([hit, 'prefix', c, true]);
    }
  }
  await insertRows(warehouse, 'rk_code_set', '?, ?, ?, ?', codeRows);
  await createTable(
    warehouse,
    'rk_service_code',
    'hit varchar, field varchar, code varchar, claim_type varchar',
  );
  await insertRows(
    warehouse,
    'rk_service_code',
    '?, ?, ?, ?',
    serviceHits.flatMap(([hit, field, codes, claimType]) => codes.map((c) => [hit, field, c, claimType])),
  );
  await createTable(warehouse, 'rk_drug_kind', 'drug_class varchar, fill_kind varchar');
  await insertRows(
    warehouse,
    'rk_drug_kind',
    '?, ?',
    drugClassKinds.map((r) => [...r]),
  );
  await createTable(warehouse, 'rk_unit_scale', 'unit varchar, scale double precision');
  await insertRows(
    warehouse,
    'rk_unit_scale',
    '?, ?',
    unitScales.map((r) => [...r]),
  );
  await createTable(warehouse, 'rk_moud_ingredient', 'ingredient varchar');
  await insertRows(
    warehouse,
    'rk_moud_ingredient',
    '?',
    moudIngredients.map((i) => [i]),
  );
  await createTable(warehouse, 'rk_weight', 'code varchar, weight integer');
  await insertRows(warehouse, 'rk_weight', '?, ?', [
    ...Object.entries(config.emergencyWeights),
    ...Object.entries(config.factorWeights),
  ]);
  await createTable(warehouse, 'rk_line_of_business', 'line_of_business varchar');
  await insertRows(
    warehouse,
    'rk_line_of_business',
    '?',
    config.linesOfBusiness.map((l) => [l]),
  );
  await createTable(warehouse, 'rk_market_in_scope', 'market varchar');
  await insertRows(
    warehouse,
    'rk_market_in_scope',
    '?',
    config.markets.map((m) => [m]),
  );
  await createTable(warehouse, 'rk_market_code', 'kind varchar, code varchar, market varchar');
  await insertRows(warehouse, 'rk_market_code', '?, ?, ?', [
    ...Object.entries(marketCounties).map(([c, m]) => ['county', c, m]),
    ...Object.entries(marketZip3).map(([c, m]) => ['zip3', c, m]),
    ...Object.entries(marketStates).map(([c, m]) => ['state', c, m]),
  ]);
  // Written last: present only when every table above is.
  await warehouse.run('insert into rk_loaded values ($1)', [key]);
}

/** The configuration this DuckDB connection's rule tables were loaded for, if any (temp tables are per connection). */
async function readLoadedKey(warehouse: Warehouse): Promise<string | null> {
  const [present] = await warehouse.all<{ n: number }>(
    `select count(*) as n from information_schema.tables where table_name = 'rk_loaded'`,
  );
  if (!present?.n) return null;
  const [row] = await warehouse.all<{ config_key: string }>('select config_key from rk_loaded');
  return row?.config_key ?? null;
}
