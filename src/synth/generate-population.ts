import fs from 'node:fs';
import path from 'node:path';
import { type BadRow, writeBadCsvRows, writeBadFhirRows } from './bad-rows.ts';
import { csvRow, eligibilityHeader, medicalClaimHeader, pharmacyClaimHeader } from './csv-writer.ts';
import { formatDay, parseDay } from './dates.ts';
import { providerResource } from './fhir-writer.ts';
import { FileSink } from './file-sink.ts';
import { generateMember, type MemberRecords, type MemberSettings } from './generate-member.ts';
import type { PharmacyClaim } from './model.ts';
import { emptyTally, type PopulationTally, tallyMember } from './population-tally.ts';
import { buildProviderDirectory } from './providers.ts';
import { type MemberFile, type PopulationFormat, renderMember } from './render-member.ts';

export type { PopulationFormat };

export interface PopulationOptions {
  members: number;
  seed: number;
  outDir: string;
  format?: PopulationFormat;
  /** 'YYYY-MM-DD'; the two years of claims end here. Required: the generator never reads the clock. */
  asOf: string;
  badRows?: boolean;
  /** 1 keeps a commercial plan's rates (population-rates.ts); larger oversamples the high-risk groups. */
  riskEnrichment?: number;
  /** A modelled program effect in the focus markets (off unless given): see `ProgramEffect`. */
  programEffect?: { start: string; reachedShare?: number; reduction?: number } | undefined;
  onProgress?: (membersDone: number) => void;
}

export interface PopulationSummary extends PopulationTally {
  format: PopulationFormat;
  members: number;
  seed: number;
  asOf: string;
  windowStart: string;
  riskEnrichment: number;
  files: { name: string; lines: number; bytes: number }[];
  providers: number;
  badRows: BadRow[];
  elapsedMs: number;
}

/** The two years end at the as-of date: 730 days, inclusive. */
export const windowDays = 730;

const csvHeaders: Record<string, readonly string[]> = {
  'eligibility.csv': eligibilityHeader,
  'medical_claim.csv': medicalClaimHeader,
  'pharmacy_claim.csv': pharmacyClaimHeader,
};

/** Members generated before the bad rows are written (they follow the second member). */
export const badRowsAfterMember = 2;

/**
 * What the sequential and the parallel generator share: validated options,
 * the provider directory, the open files (providers and headers written), and
 * the first members with the bad rows after them. The caller generates the
 * rest, then calls `finish`.
 */
export interface PopulationRun {
  settings: MemberSettings;
  format: PopulationFormat;
  sinks: Map<MemberFile, FileSink>;
  tally: PopulationTally;
  /** The next member number to generate. */
  nextMember: number;
  write: (file: MemberFile, text: string, lines: number) => void;
  finish: () => PopulationSummary;
}

/** Opens a population run and writes everything up to and including the bad rows. */
export function startPopulation(options: PopulationOptions): PopulationRun {
  const started = performance.now();
  const format = options.format ?? 'fhir';
  const enrichment = options.riskEnrichment ?? 1;
  if (!Number.isInteger(options.members) || options.members < 1)
    throw new Error('members must be a positive integer');
  const asOf = parseDay(options.asOf);
  const windowStart = asOf - windowDays + 1;
  fs.mkdirSync(options.outDir, { recursive: true });
  const directory = buildProviderDirectory(options.members);
  const settings: MemberSettings = {
    seed: options.seed,
    windowStart,
    asOf,
    enrichment,
    directory,
    program: options.programEffect && {
      start: parseDay(options.programEffect.start),
      reachedShare: options.programEffect.reachedShare ?? 0.6,
      reduction: options.programEffect.reduction ?? 0.55,
    },
  };
  const open = (name: string) => new FileSink(path.join(options.outDir, name));
  const sinks = new Map<MemberFile, FileSink>();
  const extra: FileSink[] = [];
  if (format === 'fhir') {
    const practitioners = open('Practitioner.ndjson');
    const organizations = open('Organization.ndjson');
    for (const provider of directory.providers) {
      (provider.kind === 'practitioner' ? practitioners : organizations).write(
        `${providerResource(provider)}\n`,
      );
    }
    extra.push(practitioners, organizations);
    for (const name of ['Patient.ndjson', 'Coverage.ndjson', 'ExplanationOfBenefit.ndjson'] as const)
      sinks.set(name, open(name));
  } else {
    for (const name of ['eligibility.csv', 'medical_claim.csv', 'pharmacy_claim.csv'] as const) {
      const sink = open(name);
      sink.write(csvRow(csvHeaders[name] ?? []));
      sinks.set(name, sink);
    }
  }
  const sink = (file: MemberFile) => {
    const s = sinks.get(file);
    if (!s) throw new Error(`no file ${file} in format ${format}`);
    return s;
  };
  const write = (file: MemberFile, text: string, lines: number) => sink(file).write(text, lines);
  const tally = emptyTally();
  let badRows: BadRow[] = [];
  const first = Math.min(options.members, badRowsAfterMember);
  for (let seq = 1; seq <= first; seq++) {
    const records = generateMember(seq, settings);
    tallyMember(tally, records);
    renderMember(records, format, write);
    if (seq === first && options.badRows) {
      const fileName = (s: FileSink) => path.basename(s.path);
      const template = firstFill(records, windowStart);
      badRows =
        format === 'fhir'
          ? writeBadFhirRows(sink('ExplanationOfBenefit.ndjson'), fileName, records.member, template)
          : writeBadCsvRows(
              sink('pharmacy_claim.csv'),
              sink('eligibility.csv'),
              fileName,
              records.member,
              template,
            );
    }
  }
  return {
    settings,
    format,
    sinks,
    tally,
    nextMember: first + 1,
    write,
    finish() {
      const files = [...extra, ...sinks.values()].map((s) => {
        s.close();
        return { name: path.basename(s.path), lines: s.lines, bytes: s.bytes };
      });
      options.onProgress?.(options.members);
      return {
        format,
        members: options.members,
        seed: options.seed,
        asOf: options.asOf,
        windowStart: formatDay(windowStart),
        riskEnrichment: enrichment,
        files,
        providers: directory.providers.length,
        ...tally,
        badRows,
        elapsedMs: Math.round(performance.now() - started),
      };
    },
  };
}

/**
 * Generates a synthetic population into `outDir`, member by member (memory
 * stays flat), and returns what it wrote. Same options, same bytes.
 */
export function generatePopulation(options: PopulationOptions): PopulationSummary {
  const run = startPopulation(options);
  for (let seq = run.nextMember; seq <= options.members; seq++) {
    const records = generateMember(seq, run.settings);
    tallyMember(run.tally, records);
    renderMember(records, run.format, run.write);
    if (options.onProgress && seq % 1000 === 0) options.onProgress(seq);
  }
  return run.finish();
}

/** The member's first original fill, the template every bad claim row is spoiled from. */
function firstFill(records: MemberRecords, windowStart: number): PharmacyClaim {
  const fill = records.claims.find((c): c is PharmacyClaim => c.kind === 'pharmacy' && c.version === 1);
  if (fill) return fill;
  const span = records.member.spans[0];
  if (!span) throw new Error('member without coverage');
  const day = Math.max(span.start, windowStart);
  return {
    kind: 'pharmacy',
    claimId: 'BAD-TEMPLATE',
    fillDay: day,
    ndc: '00071015523',
    quantity: 30,
    daysSupply: 30,
    prescriberNpi: '1234567893',
    pharmacyNpi: '1234567893',
    amounts: { charge: 2_000, allowed: 1_200, paid: 200, deductible: 0, copay: 1_000, coinsurance: 0 },
    paidDay: day,
    reversed: false,
    version: 1,
    plan: span.plan,
    coverageId: `cov-${records.member.memberId}-1`,
  };
}
