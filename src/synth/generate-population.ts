import fs from 'node:fs';
import path from 'node:path';
import { diagnosisSets, inCodeSet } from '../reference/value-sets.ts';
import { type BadRow, writeBadCsvRows, writeBadFhirRows } from './bad-rows.ts';
import {
  claimRows,
  csvRow,
  eligibilityHeader,
  eligibilityRow,
  medicalClaimHeader,
  pharmacyClaimHeader,
} from './csv-writer.ts';
import { formatDay, parseDay } from './dates.ts';
import { coverageResource, eobResource, patientResource, providerResource } from './fhir-writer.ts';
import { FileSink } from './file-sink.ts';
import { generateMember, type MemberRecords } from './generate-member.ts';
import type { PharmacyClaim } from './model.ts';
import { buildProviderDirectory } from './providers.ts';

export type PopulationFormat = 'fhir' | 'csv';

export interface PopulationOptions {
  members: number;
  seed: number;
  outDir: string;
  format?: PopulationFormat;
  /** 'YYYY-MM-DD'; the two years of claims end here. Required: the generator never reads the clock. */
  asOf: string;
  badRows?: boolean;
  /** 1 keeps POPULATION.md rates; larger oversamples the high-risk groups. */
  riskEnrichment?: number;
  onProgress?: (membersDone: number) => void;
}

export interface PopulationSummary {
  format: PopulationFormat;
  members: number;
  seed: number;
  asOf: string;
  windowStart: string;
  riskEnrichment: number;
  files: { name: string; lines: number; bytes: number }[];
  enrollmentSpans: number;
  providers: number;
  medicalClaims: number;
  medicalLines: number;
  pharmacyClaims: number;
  adjustments: number;
  reversals: number;
  /** Members by the patterns drawn for them (not what the rules will find). */
  patterns: {
    chronicOpioid: number;
    highMme: number;
    opioidBenzo: number;
    shopper: number;
    oud: number;
    moud: number;
    otherSud: number;
    cancer: number;
    sickleCell: number;
    hospice: number;
    overdose: number;
  };
  badRows: BadRow[];
  elapsedMs: number;
}

/** The two years end at the as-of date: 730 days, inclusive. */
export const windowDays = 730;

function openSinks(outDir: string, format: PopulationFormat) {
  const sink = (name: string) => new FileSink(path.join(outDir, name));
  if (format === 'fhir') {
    return {
      format,
      practitioner: sink('Practitioner.ndjson'),
      organization: sink('Organization.ndjson'),
      patient: sink('Patient.ndjson'),
      coverage: sink('Coverage.ndjson'),
      eob: sink('ExplanationOfBenefit.ndjson'),
    } as const;
  }
  const withHeader = (name: string, header: readonly string[]) => {
    const s = sink(name);
    s.write(csvRow(header));
    return s;
  };
  return {
    format,
    eligibility: withHeader('eligibility.csv', eligibilityHeader),
    medical: withHeader('medical_claim.csv', medicalClaimHeader),
    pharmacy: withHeader('pharmacy_claim.csv', pharmacyClaimHeader),
  } as const;
}

/**
 * Generates a synthetic population into `outDir`, member by member (memory
 * stays flat), and returns what it wrote. Same options, same bytes.
 */
export function generatePopulation(options: PopulationOptions): PopulationSummary {
  const started = performance.now();
  const format = options.format ?? 'fhir';
  const enrichment = options.riskEnrichment ?? 1;
  if (!Number.isInteger(options.members) || options.members < 1)
    throw new Error('members must be a positive integer');
  const asOf = parseDay(options.asOf);
  const windowStart = asOf - windowDays + 1;
  fs.mkdirSync(options.outDir, { recursive: true });
  const directory = buildProviderDirectory(options.members);
  const sinks = openSinks(options.outDir, format);
  const fileName = (s: FileSink) => path.basename(s.path);
  const summary: PopulationSummary = {
    format,
    members: options.members,
    seed: options.seed,
    asOf: options.asOf,
    windowStart: formatDay(windowStart),
    riskEnrichment: enrichment,
    files: [],
    enrollmentSpans: 0,
    providers: directory.providers.length,
    medicalClaims: 0,
    medicalLines: 0,
    pharmacyClaims: 0,
    adjustments: 0,
    reversals: 0,
    patterns: {
      chronicOpioid: 0,
      highMme: 0,
      opioidBenzo: 0,
      shopper: 0,
      oud: 0,
      moud: 0,
      otherSud: 0,
      cancer: 0,
      sickleCell: 0,
      hospice: 0,
      overdose: 0,
    },
    badRows: [],
    elapsedMs: 0,
  };
  if (sinks.format === 'fhir') {
    for (const provider of directory.providers) {
      (provider.kind === 'practitioner' ? sinks.practitioner : sinks.organization).write(
        `${providerResource(provider)}\n`,
      );
    }
  }
  const badRowsAfter = options.badRows ? Math.min(options.members, 2) : -1;
  for (let seq = 1; seq <= options.members; seq++) {
    const records = generateMember(seq, { seed: options.seed, windowStart, asOf, enrichment, directory });
    const { member, claims } = records;
    tally(summary, records);
    if (sinks.format === 'fhir') {
      sinks.patient.write(`${patientResource(member)}\n`);
      member.spans.forEach((span, i) => {
        sinks.coverage.write(`${coverageResource(member, span, i)}\n`);
      });
      for (const claim of claims) sinks.eob.write(`${eobResource(claim, member)}\n`);
    } else {
      for (const span of member.spans) sinks.eligibility.write(eligibilityRow(member, span));
      for (const claim of claims) {
        if (claim.kind === 'pharmacy') sinks.pharmacy.write(claimRows(claim, member));
        else sinks.medical.write(claimRows(claim, member), claim.lines.length);
      }
    }
    if (seq >= badRowsAfter && badRowsAfter > 0 && summary.badRows.length === 0) {
      const template =
        claims.find((c): c is PharmacyClaim => c.kind === 'pharmacy' && c.version === 1) ??
        fallbackFill(member.spans[0]?.start ?? windowStart, records);
      summary.badRows =
        sinks.format === 'fhir'
          ? writeBadFhirRows(sinks.eob, fileName, member, template)
          : writeBadCsvRows(sinks.pharmacy, sinks.eligibility, fileName, member, template);
    }
    if (options.onProgress && seq % 1000 === 0) options.onProgress(seq);
  }
  const all = Object.values(sinks).filter((s): s is FileSink => s instanceof FileSink);
  for (const s of all) {
    s.close();
    summary.files.push({ name: fileName(s), lines: s.lines, bytes: s.bytes });
  }
  options.onProgress?.(options.members);
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}

function fallbackFill(day: number, records: MemberRecords): PharmacyClaim {
  const span = records.member.spans[0];
  if (!span) throw new Error('member without coverage');
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

function tally(summary: PopulationSummary, { member, profile, claims }: MemberRecords): void {
  summary.enrollmentSpans += member.spans.length;
  let overdose = false;
  for (const claim of claims) {
    if (claim.version > 1) {
      if (claim.reversed) summary.reversals++;
      else summary.adjustments++;
    }
    if (claim.kind === 'pharmacy') summary.pharmacyClaims++;
    else {
      summary.medicalClaims++;
      summary.medicalLines += claim.lines.length;
      if (!overdose && claim.diagnoses.some((d) => inCodeSet(diagnosisSets.opioidOverdose, d)))
        overdose = true;
    }
  }
  const p = summary.patterns;
  if (profile.chronic) p.chronicOpioid++;
  if (profile.chronic?.highMme) p.highMme++;
  if (profile.benzo === 'with-opioid') p.opioidBenzo++;
  if (profile.shopper) p.shopper++;
  if (profile.oud) p.oud++;
  if (profile.oud?.moud) p.moud++;
  if (profile.otherSud) p.otherSud++;
  if (profile.cancer) p.cancer++;
  if (profile.sickleCell) p.sickleCell++;
  if (profile.hospice) p.hospice++;
  if (overdose) p.overdose++;
}
