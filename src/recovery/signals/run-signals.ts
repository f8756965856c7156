import { listWatchedCases, reopenCase } from '../../outreach/index.ts';
import { addBusinessDays } from '../../platform/calendar/business-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { type SqlParam, type Warehouse, withOwnConnection } from '../../platform/warehouse/warehouse.ts';
import { type RiskConfig, runClaimHits } from '../../risk/index.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { careTeamNpis } from './care-team.ts';
import { recoverySignals, signalOf } from './index.ts';
import {
  respondWithinBusinessDays,
  type Severity,
  type SignalCode,
  type SignalHit,
  signalVersion,
  type WatchedMember,
} from './recovery-signal.ts';

/** A closed case is reopened by an urgent or high signal when it closed less than this many days ago (§11). */
export const reopenWithinDays = 365;

export interface RaisedAlert {
  alertId: string;
  memberId: string;
  caseId: string;
  code: SignalCode;
  severity: Severity;
  raisedOn: string;
  dueOn: string;
  evidence: SignalHit['evidence'];
  /** Whether this run raised it (false: raised by an earlier run, kept as it was). */
  isNew: boolean;
}

export interface SignalRunResult {
  asOf: string;
  signalVersion: string;
  watched: number;
  alerts: RaisedAlert[];
  reopenedCaseIds: string[];
}

const batchSize = 400;

async function createTemp(w: Warehouse, name: string, columns: string, rows: readonly SqlParam[][]) {
  if (w.dialect === 'duckdb') await w.run(`create or replace temp table ${name} (${columns})`);
  else {
    await w.run(`drop table if exists ${name}`);
    await w.run(`create temp table ${name} (${columns})`);
  }
  const width = columns.split(',').length;
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const values = batch
      .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`)
      .join(', ');
    await w.run(`insert into ${name} values ${values}`, batch.flat());
  }
}

/** The claims signals: the rules' fills and medical hits for the watched members, then each signal's SQL. */
async function findClaimHits(
  warehouse: Warehouse,
  config: RiskConfig,
  asOf: string,
  members: readonly WatchedMember[],
  careTeam: ReadonlyMap<string, readonly string[]>,
): Promise<{ code: SignalCode; hit: SignalHit }[]> {
  return withOwnConnection(warehouse, async (w) => {
    await createTemp(
      w,
      'rs_watched',
      'member_id varchar, engaged_on date',
      members.map((m) => [m.memberId, m.engagedOn]),
    );
    await createTemp(
      w,
      'rs_care_team',
      'member_id varchar, npi varchar',
      [...careTeam].flatMap(([memberId, npis]) => npis.map((npi) => [memberId, npi])),
    );
    await runClaimHits(w, config, asOf, 'rs_watched');
    const out: { code: SignalCode; hit: SignalHit }[] = [];
    for (const signal of recoverySignals) {
      if (signal.source !== 'claims') continue;
      const rows = await w.all<{
        member_id: string;
        evidence_key: string;
        evidence_date: string;
        evidence_id: string;
        detail: string;
      }>(signal.sql);
      for (const r of rows)
        out.push({
          code: signal.code,
          hit: {
            memberId: r.member_id,
            evidenceKey: r.evidence_key,
            evidence: {
              source: 'claims',
              date: String(r.evidence_date).slice(0, 10),
              id: r.evidence_id,
              detail: r.detail,
            },
          },
        });
    }
    return out;
  });
}

/**
 * `checkpoint signals --as-of DATE` (RISK-RULES §11): every signal for every watched member,
 * each raised once per evidence item (a second run raises nothing new), due by its
 * severity's clock; an urgent or high signal reopens a case closed under 365 days ago.
 */
export async function runSignals(
  stores: { db: OpsDb; warehouse: Warehouse },
  config: RiskConfig,
  asOf: string,
): Promise<SignalRunResult> {
  const watched = await listWatchedCases(stores.db, asOf, reopenWithinDays);
  const members: WatchedMember[] = watched;
  const byMember = new Map(watched.map((c) => [c.memberId, c]));
  const rdb = recoveryDb(stores.db);
  const careTeam = await careTeamNpis(
    rdb,
    watched.map((c) => c.memberId),
  );
  const hits =
    members.length === 0 ? [] : await findClaimHits(stores.warehouse, config, asOf, members, careTeam);
  for (const signal of recoverySignals)
    if (signal.source !== 'claims')
      for (const hit of await signal.find(rdb, asOf, members)) hits.push({ code: signal.code, hit });
  const alerts: RaisedAlert[] = [];
  const reopened: string[] = [];
  for (const { code, hit } of hits) {
    const watchedCase = byMember.get(hit.memberId)!;
    const alert = await raiseAlert(stores.db, { code, hit, caseId: watchedCase.caseId, raisedOn: asOf });
    alerts.push(alert);
    if (alert.isNew && !watchedCase.caseOpen && alert.severity !== 'normal') {
      if (await reopenCase(stores.db, watchedCase.caseId, `recovery signal ${code} (${alert.alertId})`))
        reopened.push(watchedCase.caseId);
      byMember.set(hit.memberId, { ...watchedCase, caseOpen: true });
    }
  }
  alerts.sort(
    (a, b) =>
      a.memberId.localeCompare(b.memberId) ||
      a.code.localeCompare(b.code) ||
      a.evidence.id.localeCompare(b.evidence.id),
  );
  return { asOf, signalVersion, watched: watched.length, alerts, reopenedCaseIds: reopened };
}

/** Raises one alert for one piece of evidence, or returns the one an earlier run raised for it. */
export async function raiseAlert(
  db: OpsDb,
  args: { code: SignalCode; hit: SignalHit; caseId: string; raisedOn: string },
): Promise<RaisedAlert> {
  const severity = signalOf(args.code).severity;
  const rdb = recoveryDb(db);
  const dueOn = addBusinessDays(args.raisedOn, respondWithinBusinessDays[severity]);
  const inserted = await rdb
    .insertInto('recovery_alert')
    .values({
      alert_id: crypto.randomUUID(),
      member_id: args.hit.memberId,
      case_id: args.caseId,
      code: args.code,
      severity,
      signal_version: signalVersion,
      evidence_key: args.hit.evidenceKey,
      evidence: JSON.stringify(args.hit.evidence),
      raised_on: args.raisedOn,
      due_on: dueOn,
      resolved_by: null,
      resolved_at: null,
      resolution_note: null,
    })
    .onConflict((oc) => oc.columns(['member_id', 'code', 'evidence_key']).doNothing())
    .returning(['alert_id', 'raised_on', 'due_on'])
    .executeTakeFirst();
  const row =
    inserted ??
    (await rdb
      .selectFrom('recovery_alert')
      .select(['alert_id', 'raised_on', 'due_on'])
      .where('member_id', '=', args.hit.memberId)
      .where('code', '=', args.code)
      .where('evidence_key', '=', args.hit.evidenceKey)
      .executeTakeFirstOrThrow());
  return {
    alertId: row.alert_id,
    memberId: args.hit.memberId,
    caseId: args.caseId,
    code: args.code,
    severity,
    raisedOn: isoDay(row.raised_on),
    dueOn: isoDay(row.due_on),
    evidence: args.hit.evidence,
    isNew: inserted !== undefined,
  };
}

const isoDay = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
