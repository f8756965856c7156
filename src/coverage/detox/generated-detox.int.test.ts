import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../claims/ingest/ingest-paths.ts';
import { openDuckDbWarehouse } from '../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { generatePopulation, type PopulationSummary } from '../../synth/generate-population.ts';
import { makeDetoxRequest } from '../preauth/fixtures.ts';
import { applyAuthorizationAction, receiveAuthorization } from '../preauth/transitions.ts';
import { type DetoxLine, flagUnauthorizedDetox, readDetoxLines } from './unauthorized-detox.ts';

// The generator's withdrawal management claims, through ingest, as the unauthorized-detox report reads them.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-detox-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const options = { members: 800, seed: 7, asOf: '2026-06-30', riskEnrichment: 20 } as const;
const lines: Partial<Record<'fhir' | 'csv', DetoxLine[]>> = {};
const summaries: Partial<Record<'fhir' | 'csv', PopulationSummary>> = {};

beforeAll(async () => {
  for (const format of ['fhir', 'csv'] as const) {
    const outDir = path.join(root, format);
    summaries[format] = generatePopulation({ ...options, format, outDir });
    const warehouse = await openDuckDbWarehouse(':memory:');
    try {
      await ingestPaths(warehouse, [outDir]);
      lines[format] = await readDetoxLines(warehouse, '2024-07-01', options.asOf);
    } finally {
      await warehouse.close();
    }
  }
});

describe('generated detox claims in the unauthorized-detox report', () => {
  it('reads ambulatory H0014 and residential 0126/0136 lines from either format, the same lines', () => {
    const csv = lines.csv ?? [];
    expect(summaries.csv?.patterns.detox).toBeGreaterThan(3);
    expect(new Set(csv.map((l) => l.memberId)).size).toBe(summaries.csv?.patterns.detox);
    expect(csv.some((l) => l.procedureCode === 'H0014' && l.revenueCode === null)).toBe(true);
    expect(csv.some((l) => ['0126', '0136'].includes(l.revenueCode ?? ''))).toBe(true);
    expect(lines.fhir).toEqual(csv);
  });

  it('flags every line when no authorization is on file, and not the days an approved request covers', () => {
    const csv = lines.csv ?? [];
    const flagged = flagUnauthorizedDetox(csv, []);
    expect(flagged).toHaveLength(csv.length);
    expect(new Set(flagged.map((f) => f.reason))).toEqual(new Set(['No preauthorization request on file.']));

    const first = csv.find((l) => l.procedureCode === 'H0014');
    if (!first) throw new Error('no generated H0014 line');
    const episode = csv.filter((l) => l.claimId === first.claimId);
    expect(episode.length).toBeGreaterThanOrEqual(3);
    const last = episode.at(-1)?.serviceDate ?? first.serviceDate;
    let approved = receiveAuthorization({
      id: 'PA-GEN-1',
      request: makeDetoxRequest({
        memberId: first.memberId,
        services: [{ code: 'H0014', units: episode.length, startDate: first.serviceDate, endDate: last }],
      }),
      receivedAt: '2024-06-01T15:00:00Z',
      actor: 'facility',
    });
    approved = applyAuthorizationAction(approved, { kind: 'start-review' }, '2024-06-01T16:00:00Z', 'um');
    approved = applyAuthorizationAction(approved, { kind: 'approve' }, '2024-06-01T17:00:00Z', 'um');
    const remaining = flagUnauthorizedDetox(csv, [approved]);
    expect(remaining.some((f) => f.claimId === first.claimId)).toBe(false);
    expect(remaining.length).toBe(
      csv.length -
        csv.filter(
          (l) =>
            l.memberId === first.memberId &&
            l.procedureCode === 'H0014' &&
            l.serviceDate >= first.serviceDate &&
            l.serviceDate <= last,
        ).length,
    );
  });
});
