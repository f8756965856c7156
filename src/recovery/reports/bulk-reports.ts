import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  type ScreenReport,
  type SessionReport,
  screenReportSchema,
  sessionReportSchema,
} from '../recovery-schemas.ts';

/** A row the upload refused: where it was and why, as for claims. */
export interface ReportRejection {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface ParsedReports {
  sessions: (SessionReport & { line: number })[];
  screens: (ScreenReport & { line: number })[];
  rejected: ReportRejection[];
}

/** The documented headers of a facility's CSV uploads (README: how a facility reports). */
export const sessionCsvHeader = ['member_id', 'source_id', 'scheduled_on', 'service', 'attended'] as const;
export const screenCsvHeader = ['member_id', 'source_id', 'collected_on', 'substance', 'positive'] as const;

const substanceSystem = 'https://checkpoint.example.org/fhir/CodeSystem/screen-substance';
const sessionSystem = 'https://checkpoint.example.org/fhir/CodeSystem/treatment-session';

const bool = (v: unknown) =>
  v === 'true' || v === 'yes' || v === '1' ? true : v === 'false' || v === 'no' || v === '0' ? false : v;

function accept<S extends z.ZodType>(
  schema: S,
  candidate: unknown,
  where: { file: string; line: number },
  fieldNames: Record<string, string>,
  out: ParsedReports,
  push: (row: z.infer<S> & { line: number }) => void,
) {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) push({ ...(parsed.data as object), line: where.line } as z.infer<S> & { line: number });
  else
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      out.rejected.push({ ...where, field: fieldNames[key] ?? key, reason: issue.message });
    }
}

/** Reads a CSV of sessions or of screens (told apart by the header), one row per line after it. */
export function parseReportCsv(file: string, text: string): ParsedReports {
  const out: ParsedReports = { sessions: [], screens: [], rejected: [] };
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    out.rejected.push({ file, line: 1, field: '(file)', reason: `not CSV: ${(error as Error).message}` });
    return out;
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const isSessions = sessionCsvHeader.every((h) => header.includes(h));
  const isScreens = screenCsvHeader.every((h) => header.includes(h));
  if (!isSessions && !isScreens) {
    out.rejected.push({
      file,
      line: 1,
      field: '(header)',
      reason: `expected the columns ${sessionCsvHeader.join(',')} (sessions) or ${screenCsvHeader.join(',')} (screens)`,
    });
    return out;
  }
  const col = (row: string[], name: string) => {
    const v = row[header.indexOf(name)];
    return v === undefined || v === '' ? undefined : v;
  };
  records.slice(1).forEach((row, i) => {
    const where = { file, line: i + 2 };
    if (isSessions)
      accept(
        sessionReportSchema,
        {
          memberId: col(row, 'member_id'),
          sourceId: col(row, 'source_id'),
          scheduledOn: col(row, 'scheduled_on'),
          service: col(row, 'service'),
          attended: bool(col(row, 'attended')),
        },
        where,
        {
          memberId: 'member_id',
          sourceId: 'source_id',
          scheduledOn: 'scheduled_on',
          service: 'service',
          attended: 'attended',
        },
        out,
        (r) => out.sessions.push(r),
      );
    else
      accept(
        screenReportSchema,
        {
          memberId: col(row, 'member_id'),
          sourceId: col(row, 'source_id'),
          collectedOn: col(row, 'collected_on'),
          substance: col(row, 'substance'),
          positive: bool(col(row, 'positive')),
        },
        where,
        {
          memberId: 'member_id',
          sourceId: 'source_id',
          collectedOn: 'collected_on',
          substance: 'substance',
          positive: 'positive',
        },
        out,
        (r) => out.screens.push(r),
      );
  });
  return out;
}

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k as string] : undefined), o);
const patientOf = (r: Json) => {
  const ref = at(r, 'subject', 'reference');
  return typeof ref === 'string' && ref.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
};

/**
 * Reads FHIR NDJSON: an `Encounter` per session (finished = attended, cancelled = missed;
 * `type` coded in Checkpoint's session system; `period.start`), an `Observation` per screen
 * result (`code` in the substance system, `valueCodeableConcept` POS / NEG,
 * `effectiveDateTime`); the facility's id for the record is its first `identifier`.
 */
export function parseReportNdjson(file: string, text: string): ParsedReports {
  const out: ParsedReports = { sessions: [], screens: [], rejected: [] };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let r: Json;
    try {
      r = JSON.parse(raw) as Json;
    } catch (error) {
      out.rejected.push({ file, line, field: '(line)', reason: `not JSON: ${(error as Error).message}` });
      return;
    }
    const sourceId = at(r, 'identifier', 0, 'value') ?? r.id;
    if (r.resourceType === 'Encounter') {
      const status = r.status;
      const coding = (at(r, 'type', 0, 'coding') as Json[] | undefined)?.find(
        (c) => c.system === sessionSystem,
      );
      accept(
        sessionReportSchema,
        {
          memberId: patientOf(r),
          sourceId,
          scheduledOn:
            typeof at(r, 'period', 'start') === 'string'
              ? String(at(r, 'period', 'start')).slice(0, 10)
              : undefined,
          service: coding?.code,
          attended:
            status === 'finished' ? true : status === 'cancelled' ? false : `status ${String(status)}`,
        },
        { file, line },
        {
          memberId: 'Encounter.subject',
          sourceId: 'Encounter.identifier',
          scheduledOn: 'Encounter.period.start',
          service: 'Encounter.type',
          attended: 'Encounter.status',
        },
        out,
        (x) => out.sessions.push(x),
      );
    } else if (r.resourceType === 'Observation') {
      const coding = (at(r, 'code', 'coding') as Json[] | undefined)?.find(
        (c) => c.system === substanceSystem,
      );
      const value = at(r, 'valueCodeableConcept', 'coding', 0, 'code');
      accept(
        screenReportSchema,
        {
          memberId: patientOf(r),
          sourceId,
          collectedOn: typeof r.effectiveDateTime === 'string' ? r.effectiveDateTime.slice(0, 10) : undefined,
          substance: coding?.code,
          positive: value === 'POS' ? true : value === 'NEG' ? false : undefined,
        },
        { file, line },
        {
          memberId: 'Observation.subject',
          sourceId: 'Observation.identifier',
          collectedOn: 'Observation.effectiveDateTime',
          substance: 'Observation.code',
          positive: 'Observation.valueCodeableConcept',
        },
        out,
        (x) => out.screens.push(x),
      );
    } else
      out.rejected.push({
        file,
        line,
        field: 'resourceType',
        reason: `${String(r.resourceType)} is not a session (Encounter) or screen (Observation)`,
      });
  });
  return out;
}
