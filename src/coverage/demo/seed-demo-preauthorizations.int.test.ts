import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../claims/ingest/ingest-paths.ts';
import { migrations } from '../../migrations.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { openTestOpsStore } from '../../platform/db/testing/template-store.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { generatePopulation } from '../../synth/generate-population.ts';
import { type DetoxLine, flagUnauthorizedDetox, readDetoxLines } from '../detox/unauthorized-detox.ts';
import { seedDemoCoverage } from '../plans/plan-store.ts';
import { readAuthorizations, type StoredAuthorization } from '../preauth/authorization-store.ts';
import { type DemoPreauthSeeding, seedDemoPreauthorizations } from './seed-demo-preauthorizations.ts';

// A small generated population with detox episodes, ingested as the demo does, then seeded twice.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-preauth-'));
const asOf = '2026-06-30';
// The demo's clock: the afternoon of its day.
const now = '2026-06-30T15:00:00.000Z';
let warehouse: Warehouse;
let store: OpsStore;
let lines: DetoxLine[] = [];
let first: DemoPreauthSeeding;

const readAll = async (): Promise<StoredAuthorization[]> => readAuthorizations(store.db, {});
/** The requests made for generated episodes (not the open ones of the demo's day). */
const readEpisodeRequests = async () => (await readAll()).filter((a) => !first.open.ids.includes(a.id));

const countAudit = async () => {
  const [row] = await store.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .execute();
  return Number(row?.n ?? 0);
};

beforeAll(async () => {
  generatePopulation({ members: 800, seed: 7, asOf, riskEnrichment: 20, format: 'csv', outDir: root });
  warehouse = await openDuckDbWarehouse(':memory:');
  await ingestPaths(warehouse, [root]);
  lines = await readDetoxLines(warehouse, '1900-01-01', asOf);
  store = await openTestOpsStore(migrations);
  await seedDemoCoverage(store.db);
  first = await seedDemoPreauthorizations(store.db, warehouse, asOf, new Date(now));
});
afterAll(async () => {
  await warehouse?.close();
  await store?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('demo preauthorizations for generated detox episodes', () => {
  it('requests for two thirds of the ambulatory episodes from their billing facility, most approved', () => {
    const s = first.seeded;
    const total = s.approved + s.partially_approved + s.denied + s.pending;
    expect(first.episodes).toBeGreaterThanOrEqual(9);
    expect(first.skipped).toEqual([]);
    expect(total + first.withoutRequest).toBe(first.episodes);
    expect(first.withoutRequest).toBeGreaterThanOrEqual(Math.floor(first.episodes / 3));
    expect(s.approved).toBeGreaterThan(s.partially_approved + s.denied + s.pending);
    expect(Math.min(s.partially_approved, s.denied)).toBeGreaterThan(0);
    expect(first.lines[0]).toContain(`seeded ${total} requests`);
  });

  it('files each request as the claim’s billing facility, with history, notices and an audit record', async () => {
    const all = await readEpisodeRequests();
    expect(all.length).toBeGreaterThan(0);
    for (const a of all) {
      const claimLines = lines.filter(
        (l) => l.memberId === a.request.memberId && l.billingNpi === a.request.facility.npi,
      );
      expect(claimLines.some((l) => l.serviceDate === a.request.services[0]?.startDate)).toBe(true);
      expect(a.history[0]?.action).toBe('submit');
      expect(a.notifications.some((n) => n.kind === 'received')).toBe(true);
    }
    const audited = await store.db
      .selectFrom('audit_event')
      .select('resource_id')
      .where('resource_type', '=', 'Preauthorization')
      .execute();
    expect(new Set(audited.map((r) => r.resource_id))).toEqual(new Set((await readAll()).map((a) => a.id)));
  });

  it('names the facility with the most requests on file, for the demo facility user', async () => {
    const counts = new Map<string, number>();
    for (const a of await readAll())
      counts.set(a.request.facility.npi, (counts.get(a.request.facility.npi) ?? 0) + 1);
    const most = Math.max(...counts.values());
    const busiest = [...counts]
      .filter(([, n]) => n === most)
      .map(([npi]) => npi)
      .sort()[0];
    expect(first.busiestFacility).toMatchObject({ npi: busiest, requests: most });
    expect(first.busiestFacility?.name).toMatch(/\S/);
  });

  it('denies for missing information a request left pended past its window, in time', async () => {
    const lapsed = (await readEpisodeRequests()).filter((a) => a.history.some((h) => h.action === 'pend'));
    expect(lapsed.length).toBeGreaterThan(0);
    for (const a of lapsed) {
      expect(a.history.map((h) => h.action)).toEqual(['submit', 'start-review', 'pend', 'deny']);
      expect(a.decision).toMatchObject({ outcome: 'denied', reasonCode: 'insufficient-information' });
      expect(Date.parse(a.decision?.decidedAt ?? '')).toBeLessThan(Date.parse(a.dueAt));
    }
  });

  it('leaves four requests open on the demo’s day at the busiest facility: pended, in review (expedited), submitted', async () => {
    expect(first.open).toMatchObject({ seeded: 4, alreadyOnFile: 0, skipped: [] });
    const open = (await readAll()).filter((a) => first.open.ids.includes(a.id));
    expect(open.map((a) => [a.status, a.priority]).sort()).toEqual([
      ['in_review', 'expedited'],
      ['pended', 'standard'],
      ['submitted', 'standard'],
      ['submitted', 'standard'],
    ]);
    for (const a of open) {
      expect(a.request.facility.npi).toBe(first.busiestFacility?.npi);
      expect(Date.parse(a.receivedAt)).toBeLessThan(Date.parse(now));
      expect(Date.parse(a.dueAt)).toBeGreaterThan(Date.parse(now)); // every clock still running
      expect((a.request.services[0]?.startDate ?? '') > a.receivedAt.slice(0, 10)).toBe(true);
      expect(a.request.diagnosisCodes.every((c) => c.startsWith('F11'))).toBe(true);
    }
    expect(new Set(open.map((a) => a.request.memberId)).size).toBe(4);
  });

  it('leaves the report with covered, partly covered, denied and uncovered lines', async () => {
    const flagged = flagUnauthorizedDetox(lines, await readAll());
    const ambulatory = lines.filter((l) => l.procedureCode === 'H0014');
    const flaggedKeys = new Set(flagged.map((f) => `${f.claimId} ${f.serviceDate}`));
    expect(ambulatory.some((l) => !flaggedKeys.has(`${l.claimId} ${l.serviceDate}`))).toBe(true);
    const reasons = flagged.map((f) => f.reason);
    expect(reasons.some((r) => r.startsWith('Beyond the days request'))).toBe(true);
    expect(reasons.some((r) => r.endsWith('was denied.'))).toBe(true);
    expect(reasons).toContain('No preauthorization request on file.');
    // A partly approved episode: its first days covered, the days beyond flagged.
    const partial = (await readAll()).find((a) => a.status === 'partially_approved');
    const service = partial?.request.services[0];
    if (!partial || !service) throw new Error('no partly approved request');
    const episodeLines = ambulatory.filter(
      (l) =>
        l.memberId === partial.request.memberId &&
        l.serviceDate >= service.startDate &&
        l.serviceDate <= service.endDate,
    );
    const beyond = episodeLines.filter((l) => flaggedKeys.has(`${l.claimId} ${l.serviceDate}`));
    expect(beyond.length).toBe(service.units - (partial.decision?.approvedUnits[0] ?? 0));
  });

  it('adds and changes nothing when run again', async () => {
    const before = await readAll();
    const auditBefore = await countAudit();
    const again = await seedDemoPreauthorizations(store.db, warehouse, asOf, new Date(now));
    expect(again.seeded).toEqual({ approved: 0, partially_approved: 0, denied: 0, pending: 0 });
    expect(again.alreadyOnFile).toBe(before.length - first.open.ids.length);
    expect(again.open).toMatchObject({ seeded: 0, alreadyOnFile: 4 });
    expect(again.lines[0]).toContain('seeded 0 requests');
    expect(again.busiestFacility).toEqual(first.busiestFacility);
    expect(await readAll()).toEqual(before);
    expect(await countAudit()).toBe(auditBefore);
  });
});
