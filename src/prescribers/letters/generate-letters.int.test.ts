import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateOpsStore } from '../../platform/db/migrate.ts';
import { openOpsStore } from '../../platform/db/open-ops-store.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { platformMigrations } from '../../platform/db/platform-migrations.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { privacyMigrations } from '../../privacy/privacy-migrations.ts';
import { addFill, addMedical, addMember, ndc, openTestWarehouse } from '../../risk/test-population.ts';
import { prescriberDb } from '../lock-in/lock-in-store.ts';
import { prescriberMigrations } from '../prescriber-migrations.ts';
import { generateLetters } from './generate-letters.ts';
import { createLetterDelivery, downloadLetterDelivery, openLetterDelivery } from './letter-delivery-store.ts';
import { listLetterEvents, listLetters, listSuppressions } from './letter-store.ts';
import { readMemberIdentities, readPart2ClaimIds } from './letter-warehouse.ts';
import { collectMonitoring, rankPrescribers } from './prescriber-monitoring.ts';

const asOf = '2026-06-30';
let warehouse: Warehouse;
let store: OpsStore;

async function text(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function run() {
  const snapshot = await collectMonitoring(warehouse, asOf);
  return generateLetters(store.db, snapshot, {
    by: 'pharmacist-1',
    today: '2026-07-01',
    identities: await readMemberIdentities(warehouse, [...snapshot.highRisk]),
    part2ClaimIds: await readPart2ClaimIds(warehouse),
  });
}

beforeAll(async () => {
  warehouse = await openTestWarehouse();
  for (const id of ['M1', 'M2', 'M3']) await addMember(warehouse, { id });
  await warehouse.run(
    `update member set first_name = 'Alex', last_name = 'Rivera', birth_date = '1970-02-03' where member_id = 'M1'`,
  );
  await warehouse.run(
    `insert into provider (npi, name, kind, batch_id) values ('P1', 'Dr. Jordan Lee', 'practitioner', 'test')`,
  );
  // M1: 90 MME every day from April (12 × 5 mg oxycodone × 1.5), from P1 and P2, an alprazolam from P3,
  // and an overdose on a claim that also carries an OUD diagnosis (so it is Part 2-labeled).
  for (const [id, date, prescriber] of [
    ['F1', '2026-04-01', 'P1'],
    ['F2', '2026-05-01', 'P1'],
    ['F3', '2026-05-31', 'P2'],
  ] as const)
    await addFill(warehouse, {
      id,
      member: 'M1',
      date,
      ndc: ndc.oxycodone5,
      quantity: 360,
      days: 30,
      prescriber,
    });
  await addFill(warehouse, {
    id: 'F4',
    member: 'M1',
    date: '2026-06-10',
    ndc: ndc.alprazolam1,
    quantity: 30,
    days: 30,
    prescriber: 'P3',
  });
  await addMedical(warehouse, { id: 'OD1', member: 'M1', date: '2026-05-10', dx: ['T402X1A', 'F1120'] });
  await warehouse.run(`insert into claim_label values ('medical', 'OD1', 'part2', 'SUD_DIAGNOSIS')`);
  // M2: one small fill, not high risk. M3: high MME but excluded by cancer.
  await addFill(warehouse, {
    id: 'F5',
    member: 'M2',
    date: '2026-06-01',
    ndc: ndc.oxycodone5,
    quantity: 20,
    days: 5,
    prescriber: 'P1',
  });
  for (const [id, date] of [
    ['F6', '2026-04-01'],
    ['F7', '2026-05-01'],
  ] as const)
    await addFill(warehouse, {
      id,
      member: 'M3',
      date,
      ndc: ndc.oxycodone5,
      quantity: 360,
      days: 30,
      prescriber: 'P1',
    });
  await addMedical(warehouse, { id: 'CA1', member: 'M3', date: '2026-03-01', dx: ['C509'] });

  store = await openOpsStore({ pgliteDir: 'memory://' });
  await migrateOpsStore(store, [...platformMigrations, ...privacyMigrations, ...prescriberMigrations]);
  await store.execScript(
    `insert into consent (consent_id, member_id, recipient, purpose, covers_part2, start_date)
     values ('C1', 'M1', 'npi:P2', 'treatment', true, '2026-01-01')`,
  );
});
afterAll(async () => {
  await store?.close();
  await warehouse?.close();
});

describe('prescriber monitoring and letters', () => {
  it('ranks the prescribers of high-risk members with their own opioid volume', async () => {
    const ranking = rankPrescribers(await collectMonitoring(warehouse, asOf));
    expect(ranking.map((r) => r.npi)).toEqual(['P1', 'P2', 'P3']);
    expect(ranking[0]).toMatchObject({
      name: 'Dr. Jordan Lee',
      volume: { opioidFills: 3, opioidPatients: 3, highRiskPatients: 1 },
    });
    expect(ranking[0]?.members.map((m) => m.memberId)).toEqual(['M1']);
  });

  it('writes one letter per prescriber of a high-risk member, with Part 2 facts only where consent allows', async () => {
    const result = await run();
    expect(result.counts).toMatchObject({ highRiskMembers: 1, pairs: 3, letters: 3, suppressed: 0 });
    const byNpi = new Map(result.letters.map((l) => [l.prescriberNpi, l]));
    const p1 = await text(byNpi.get('P1')!.pdf);
    expect(p1).toContain('Alex Rivera, born 1970-02-03 (member ID M1)');
    expect(p1).toContain('90.00 morphine milligram equivalents');
    expect(p1).toContain('Your prescriptions filled in the last 90 days: 1 opioid (last filled 2026-05-01)');
    expect(p1).not.toContain('opioid overdose in the last 12 months');
    expect(p1).not.toContain('diagnosis of opioid use disorder');
    expect(p1).not.toContain('M2');
    const p2 = await text(byNpi.get('P2')!.pdf);
    expect(p2).toContain('A claim for an opioid overdose in the last 12 months');
    expect(p2).toContain('42 CFR part 2');
    const p3 = await text(byNpi.get('P3')!.pdf);
    expect(p3).toContain('1 benzodiazepine');
  });

  it('suppresses a repeat to a prescriber who was sent a letter, and supersedes an unsent one', async () => {
    const db = prescriberDb(store.db);
    const first = await listLetters(db, { status: 'generated' });
    const p1 = first.find((l) => l.prescriber_npi === 'P1')!;
    await createLetterDelivery(db, p1.letter_id, {
      recipient: 'fax:+1-555-0100',
      expiresInHours: 72,
      by: 'pharmacist-1',
    });
    const second = await run();
    expect(second.counts).toMatchObject({ letters: 2, suppressed: 1 });
    expect(second.letters.map((l) => l.prescriberNpi).sort()).toEqual(['P2', 'P3']);
    const suppressed = await listSuppressions(db, second.runId);
    expect(suppressed).toMatchObject([{ prescriber_npi: 'P1', member_id: 'M1' }]);
    expect(suppressed[0]?.reason).toContain('no new risk factor');
    const superseded = await listLetters(db, { status: 'superseded' });
    expect(superseded.map((l) => l.prescriber_npi).sort()).toEqual(['P2', 'P3']);
  });

  it('delivers through a link that opens, downloads once, and then refuses, recording each step', async () => {
    const db = prescriberDb(store.db);
    const letter = (await listLetters(db, { status: 'generated' }))[0]!;
    const { token } = await createLetterDelivery(db, letter.letter_id, {
      recipient: 'direct:dr@example.org',
      expiresInHours: 72,
      by: 'pharmacist-1',
    });
    expect((await openLetterDelivery(db, token)).ok).toBe(true);
    const got = await downloadLetterDelivery(db, token);
    expect(got.ok && Buffer.from(got.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await downloadLetterDelivery(db, token)).toMatchObject({ ok: false, reason: 'used' });
    expect(await downloadLetterDelivery(db, 'not-a-token')).toMatchObject({ ok: false, reason: 'unknown' });
    const kinds = (await listLetterEvents(db, letter.letter_id)).map((e) => e.kind);
    expect(kinds).toEqual(['generated', 'sent', 'opened', 'downloaded', 'download_refused']);
  });

  it('refuses an expired link', async () => {
    const db = prescriberDb(store.db);
    const letter = (await listLetters(db, { status: 'sent' }))[0]!;
    const past = new Date(Date.now() - 100 * 3_600_000);
    const { token } = await createLetterDelivery(db, letter.letter_id, {
      recipient: 'x',
      expiresInHours: 1,
      by: null,
      now: past,
    });
    expect(await downloadLetterDelivery(db, token)).toMatchObject({ ok: false, reason: 'expired' });
  });
});
