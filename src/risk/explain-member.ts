import { addDays } from '../platform/calendar/iso-days.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { roundMme } from '../reference/index.ts';
import { type DailyMme, sumDailyMme } from './daily-mme-series.ts';
import { readMemberMetrics } from './read-metrics.ts';
import { parseRiskConfig, type RiskConfig } from './risk-config.ts';
import type { MemberMetrics } from './risk-types.ts';
import { withRuleLock } from './rule-lock.ts';
import { runRules } from './run-rules.ts';

export interface ExplainedFill {
  claimId: string;
  fillDate: string;
  endDate: string;
  kind: 'opioid' | 'benzodiazepine' | 'moud' | 'naloxone';
  ndc: string;
  drug: string;
  ingredient: string;
  strength: number;
  unit: string;
  quantity: number;
  daysSupply: number;
  /** The conversion factor used, or null when the factor set has none for this drug. */
  factor: number | null;
  /** Daily MME rounded to 2 decimals; null for fills that carry no MME (non-opioids, buprenorphine). */
  dailyMme: number | null;
  prescriberNpi: string | null;
  pharmacyNpi: string | null;
}

export interface MemberExplanation {
  memberId: string;
  asOf: string;
  factorSet: string;
  /** Null when the member has no relevant fill or medical claim up to the as-of date. */
  metrics: MemberMetrics | null;
  fills: ExplainedFill[];
  /** On the worklist as of this date (eligible, an emergency in L90, a risk factor). */
  candidate: { priority: number; latestEmergency: string } | null;
  /**
   * With `withDailyMme`: MME on each day of the long window (W365 by default) up to the
   * as-of date, from the same run's fills; the same figures as `dailyMmeSeries` over it.
   */
  dailyMme?: DailyMme[];
}

/** Why a member is (or is not) on the worklist as of a date: fills with MME, windows, every factor with its numbers. */
export async function explainMember(
  warehouse: Warehouse,
  memberId: string,
  options: { asOf: string; config?: RiskConfig; withDailyMme?: boolean },
): Promise<MemberExplanation> {
  const config = options.config ?? parseRiskConfig({});
  return withRuleLock(warehouse, () =>
    explainLocked(warehouse, memberId, options.asOf, config, options.withDailyMme === true),
  );
}

async function explainLocked(
  warehouse: Warehouse,
  memberId: string,
  asOf: string,
  config: RiskConfig,
  withDailyMme: boolean,
): Promise<MemberExplanation> {
  await runRules(warehouse, config, { asOf, memberId });
  const [metrics] = await readMemberMetrics(warehouse, config, 'all');
  const fills = await warehouse.all<{
    claim_id: string;
    fill_date: string;
    end_date: string;
    fill_kind: ExplainedFill['kind'];
    ndc: string;
    drug_name: string;
    ingredient: string;
    strength: number;
    unit: string;
    quantity: number;
    days_supply: number;
    factor: number | null;
    daily_mme: number | null;
    prescriber_npi: string | null;
    pharmacy_npi: string | null;
  }>('select * from rk_fill order by fill_date, claim_id');
  const [candidate] = await warehouse.all<{ priority: number; latest_emergency: string }>(
    'select priority, latest_emergency from rk_candidate',
  );
  const explanation: MemberExplanation = {
    memberId,
    asOf,
    factorSet: config.factorSet,
    metrics: metrics ?? null,
    fills: fills.map((f) => ({
      claimId: f.claim_id,
      fillDate: f.fill_date,
      endDate: f.end_date,
      kind: f.fill_kind,
      ndc: f.ndc,
      drug: f.drug_name,
      ingredient: f.ingredient,
      strength: f.strength,
      unit: f.unit,
      quantity: f.quantity,
      daysSupply: f.days_supply,
      factor: f.fill_kind === 'opioid' ? f.factor : null,
      dailyMme: f.daily_mme === null ? null : roundMme(f.daily_mme),
      prescriberNpi: f.prescriber_npi,
      pharmacyNpi: f.pharmacy_npi,
    })),
    candidate: candidate
      ? { priority: candidate.priority, latestEmergency: candidate.latest_emergency }
      : null,
  };
  // rk_fill holds every fill reaching W365 (§1), so the long window's days are all covered.
  if (withDailyMme) {
    const opioids = fills.filter((f) => f.fill_kind === 'opioid');
    const span = config.windows.longDays;
    explanation.dailyMme = sumDailyMme(opioids, addDays(asOf, -(span - 1)), span);
  }
  return explanation;
}
