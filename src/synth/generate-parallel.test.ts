import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulationParallel } from './generate-parallel.ts';
import { generatePopulation } from './generate-population.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-par-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const digest = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );

describe('parallel generation', () => {
  for (const format of ['csv', 'fhir'] as const) {
    it(`writes the same ${format} bytes and summary as one thread, chunk by chunk through workers`, async () => {
      const options = {
        members: 450,
        seed: 21,
        asOf: '2026-03-31',
        format,
        badRows: true,
        riskEnrichment: 3,
      };
      const one = generatePopulation({ ...options, outDir: path.join(root, `${format}-one`) });
      const many = await generatePopulationParallel(
        { ...options, outDir: path.join(root, `${format}-many`) },
        2,
        100,
      );
      expect(digest(path.join(root, `${format}-many`))).toEqual(digest(path.join(root, `${format}-one`)));
      expect({ ...many, elapsedMs: 0 }).toEqual({ ...one, elapsedMs: 0 });
    });
  }
});
