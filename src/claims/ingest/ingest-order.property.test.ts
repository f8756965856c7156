import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { patient, pharmacyEob, practitioner, professionalEob, toNdjson } from './fhir-fixtures.ts';
import { ingestPaths } from './ingest-paths.ts';
import { snapshotWarehouse } from './warehouse-snapshot.ts';

/** One copy of a claim as sent: which claim, what it says, when it was sent, into which file. */
const sentCopy = fc.record({
  claim: fc.integer({ min: 0, max: 1 }),
  medical: fc.boolean(),
  amount: fc.integer({ min: 1, max: 2 }),
  cancelled: fc.boolean(),
  file: fc.integer({ min: 0, max: 2 }),
});

const scenario = fc.record({
  copies: fc.array(sentCopy, { minLength: 1, maxLength: 10 }),
  order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  twice: fc.boolean(),
});

type SentCopy = typeof sentCopy extends fc.Arbitrary<infer T> ? T : never;

function writeFiles(dir: string, copies: SentCopy[]): string[] {
  const files: string[][] = [[], [], []];
  copies.forEach((c, i) => {
    // Every copy carries its own distinct send time, as a payer's feed does.
    const meta = { lastUpdated: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() };
    const status = c.cancelled ? 'cancelled' : 'active';
    const id = `c${c.claim}${c.medical ? 'm' : 'p'}`;
    const eob = c.medical
      ? professionalEob(id, 'p1', {
          meta,
          status,
          diagnosis: [
            {
              sequence: 1,
              diagnosisCodeableConcept: {
                coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: `F1${c.amount}.20` }],
              },
            },
          ],
        })
      : pharmacyEob(id, 'p1', {
          meta,
          status,
          item: [
            {
              sequence: 1,
              servicedDate: '2026-01-05',
              productOrService: { coding: [{ code: '00406051201' }] },
              quantity: { value: 10 * c.amount },
            },
          ],
        });
    files[c.file]!.push(JSON.stringify(eob));
  });
  const paths = [path.join(dir, 'people.ndjson')];
  fs.writeFileSync(paths[0]!, toNdjson([patient('p1'), practitioner('doc1', '1234567893')]));
  files.forEach((lines, i) => {
    if (lines.length === 0) return;
    const file = path.join(dir, `claims-${i}.ndjson`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    paths.push(file);
  });
  return paths;
}

describe('ingest order', () => {
  it('gives the same warehouse whatever order files load in, and loading twice changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-order-'));
    try {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ copies, order, twice }) => {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.mkdirSync(dir);
          const files = writeFiles(dir, copies);
          const reference = await openDuckDbWarehouse(':memory:');
          const shuffled = await openDuckDbWarehouse(':memory:');
          try {
            for (const file of files) await ingestPaths(reference, [file]);
            const permuted = [...files].sort(
              (a, b) => (order[files.indexOf(a)] ?? 0) - (order[files.indexOf(b)] ?? 0),
            );
            // One file per run, so the member-first ordering of a single run cannot hide an order effect.
            const people = permuted.filter((f) => f.endsWith('people.ndjson'));
            for (const file of [...people, ...permuted.filter((f) => !people.includes(f))])
              await ingestPaths(shuffled, [file]);
            if (twice) await ingestPaths(shuffled, [...permuted].reverse());
            expect(await snapshotWarehouse(shuffled)).toEqual(await snapshotWarehouse(reference));
          } finally {
            await reference.close();
            await shuffled.close();
          }
        }),
        {
          numRuns: 10,
          // An adjustment, then the original resent later: the resend's time must count whichever copy came first.
          examples: [
            [
              {
                copies: [
                  { claim: 0, medical: false, amount: 1, cancelled: false, file: 0 },
                  { claim: 0, medical: false, amount: 2, cancelled: false, file: 1 },
                  { claim: 0, medical: false, amount: 1, cancelled: false, file: 2 },
                ],
                order: [0, 3, 2, 1],
                twice: false,
              },
            ],
          ],
        },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
