import { listWatchedCases, reopenCase } from '../../outreach/index.ts';
import { addBusinessDays } from '../../platform/calendar/business-days.ts';
import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { createTempTable, insertRows } from '../../platform/warehouse/temp-tables.ts';
import { type Warehouse, withOwnConnection } from '../../platform/warehouse/warehouse.ts';
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

/** The claims signals: the rules' fills and medical hits for the watched members, then each signal's SQL. */
async function findClaimHits(
  warehouse: Warehouse,
  config: RiskConfig,
  asOf: string,
  members: readonly WatchedMember[],
  careTeam: ReadonlyMap<string, readonly string[]>,
): Promise<{ code: SignalCode; hit: SignalHit }[]> {
  return withOwnConnection(warehouse, async (w) => {
    await createTempTable(w, 'rs_watched', 'member_id varchar, engaged_on date');
    await insertRows(
      w,
      'rs_watched',
      'cast(? as varchar), cast(? as date)',
      members.map((m) => [m.memberId, m.engagedOn]),
    );
    await createTempTable(w, 'rs_care_team', 'member_id varchar, npi varchar');
    await insertRows(
      w,
      'rs_care_team',
      'cast(? as varchar), cast(? as varchar)',
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
  const alerts = await raiseAlerts(
    stores.db,
    hits.map(({ code, hit }) => ({ code, hit, caseId: byMember.get(hit.memberId)!.caseId, raisedOn: asOf })),
  );
  const reopened: string[] = [];
  for (const alert of alerts) {
    const watchedCase = byMember.get(alert.memberId)!;
    if (!alert.isNew || watchedCase.caseOpen || alert.severity === 'normal') continue;
    if (await reopenCase(stores.db, watchedCase.caseId, `recovery signal ${alert.code} (${alert.alertId})`))
      reopened.push(watchedCase.caseId);
    byMember.set(alert.memberId, { ...watchedCase, caseOpen: true });
  }
  alerts.sort(
    (a, b) =>
      a.memberId.localeCompare(b.memberId) ||
      a.code.localeCompare(b.code) ||
      a.evidence.id.localeCompare(b.evidence.id),
  );
  return { asOf, signalVersion, watched: watched.length, alerts, reopenedCaseIds: reopened };
}

type AlertInput = { code: SignalCode; hit: SignalHit; caseId: string; raisedOn: string };

/**
 * Raises one alert per piece of evidence, or returns the one an earlier run raised for it
 * (as it was: its day and clock do not move), in batches of one insert each.
 */
export async function raiseAlerts(db: OpsDb, inputs: readonly AlertInput[]): Promise<RaisedAlert[]> {
  const rdb = recoveryDb(db);
  const out: RaisedAlert[] = [];
  for (let i = 0; i < inputs.length; i += batchSize) {
    const batch = inputs.slice(i, i + batchSize);
    const rows = batch.map((a) => {
      const severity = signalOf(a.code).severity;
      return {
        alert_id: crypto.randomUUID(),
        member_id: a.hit.memberId,
        case_id: a.caseId,
        code: a.code,
        severity,
        signal_version: signalVersion,
        evidence_key: a.hit.evidenceKey,
        evidence: JSON.stringify(a.hit.evidence),
        raised_on: a.raisedOn,
        due_on: addBusinessDays(a.raisedOn, respondWithinBusinessDays[severity]),
        resolved_by: null,
        resolved_at: null,
        resolution_note: null,
      };
    });
    const inserted = await rdb
      .insertInto('recovery_alert')
      .values(rows)
      .onConflict((oc) => oc.columns(['member_id', 'code', 'evidence_key']).doNothing())
      .returning('alert_id')
      .execute();
    const fresh = new Set(inserted.map((r) => r.alert_id));
    const key = (m: string, c: string, e: string) => `${m}\u0000${c}\u0000${e}`;
    const existing = new Map<string, { alert_id: string; raised_on: unknown; due_on: unknown }>();
    const missing = rows.filter((r) => !fresh.has(r.alert_id));
    if (missing.length > 0) {
      const found = await rdb
        .selectFrom('recovery_alert')
        .select(['alert_id', 'member_id', 'code', 'evidence_key', 'raised_on', 'due_on'])
        .where('member_id', 'in', [...new Set(missing.map((r) => r.member_id))])
        .where('code', 'in', [...new Set(missing.map((r) => r.code))])
        .execute();
      for (const f of found) existing.set(key(f.member_id, f.code, f.evidence_key), f);
    }
    batch.forEach((a, k) => {
      const row = rows[k]!;
      const stored = fresh.has(row.alert_id)
        ? row
        : existing.get(key(row.member_id, row.code, row.evidence_key))!;
      out.push({
        alertId: stored.alert_id,
        memberId: a.hit.memberId,
        caseId: a.caseId,
        code: a.code,
        severity: row.severity,
        raisedOn: toIsoDay(stored.raised_on),
        dueOn: toIsoDay(stored.due_on),
        evidence: a.hit.evidence,
        isNew: fresh.has(row.alert_id),
      });
    });
  }
  return out;
}
