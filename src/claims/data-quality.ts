import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/** What the warehouse holds, in counts only (no member data): for the demo and operators. */
export interface DataQualityReport {
  counts: Record<string, number>;
  dateRanges: Array<{ what: string; from: string | null; to: string | null }>;
  rejectedByReason: Array<{ field: string; reason: string; rows: number }>;
  batches: { files: number; rowsRead: number; lastLoadedAt: string | null };
}

/** Counts rows per table, spans of service and enrollment dates, and rejected rows by reason. */
export async function summarizeDataQuality(warehouse: Warehouse): Promise<DataQualityReport> {
  const [counts] = await warehouse.all<Record<string, number>>(`select
    (select count(*) from member) as members,
    (select count(*) from enrollment) as enrollment_spans,
    (select count(*) from provider) as providers,
    (select count(*) from medical_claim where is_current and not is_reversed) as medical_claims,
    (select count(*) from medical_claim) as medical_claim_versions,
    (select count(*) from medical_claim where is_current and is_reversed) as medical_claims_reversed,
    (select count(*) from medical_claim_line) as medical_claim_lines,
    (select count(*) from medical_claim_dx) as medical_claim_diagnoses,
    (select count(*) from pharmacy_claim where is_current and not is_reversed) as pharmacy_claims,
    (select count(*) from pharmacy_claim) as pharmacy_claim_versions,
    (select count(*) from pharmacy_claim where is_current and is_reversed) as pharmacy_claims_reversed,
    (select count(*) from claim_label where label = 'part2') as part2_labelled_claims,
    -- The claim tables carry no primary-key index (bulk loads): the merge keeps (claim_id,
    -- version) unique, and this count, which should read 0, says so.
    (select count(*) from (select claim_id, version from medical_claim group by all having count(*) > 1))
      + (select count(*) from (select claim_id, version from pharmacy_claim group by all having count(*) > 1))
      as duplicate_claim_versions,
    (select count(*) from rejected_row) as rejected_rows`);
  const dateRanges = await warehouse.all<{ what: string; from: string | null; to: string | null }>(
    `select 'medical claim date' as what, min(claim_date) as "from", max(claim_date) as "to"
       from medical_claim where is_current
     union all select 'pharmacy fill date', min(fill_date), max(fill_date) from pharmacy_claim where is_current
     union all select 'enrollment', min(start_date), max(coalesce(end_date, start_date)) from enrollment`,
  );
  // Reasons quote values (member refs, dates): those are masked so the report holds no member data.
  const rejectedByReason = await warehouse.all<{ field: string; reason: string; rows: number }>(
    `select field, reason, count(*) as rows from (
       select field, regexp_replace(regexp_replace(regexp_replace(reason, '^unknown member .*$', 'unknown member'),
         '"[^"]*"', '"…"', 'g'), '-?[0-9]+', 'N', 'g') as reason
       from rejected_row
     ) group by field, reason order by rows desc, field, reason`,
  );
  const [batches] = await warehouse.all<{ files: number; rows_read: number | null; last: string | null }>(
    `select count(*) as files, sum(rows_read) as rows_read, max(finished_at)::varchar as last from load_batch`,
  );
  return {
    counts: counts ?? {},
    dateRanges,
    rejectedByReason,
    batches: {
      files: batches?.files ?? 0,
      rowsRead: batches?.rows_read ?? 0,
      lastLoadedAt: batches?.last ?? null,
    },
  };
}

/** The report as plain lines for a terminal. */
export function formatDataQuality(report: DataQualityReport): string[] {
  const lines = ['warehouse:'];
  for (const [name, n] of Object.entries(report.counts))
    lines.push(`  ${name.replace(/_/g, ' ').padEnd(28)} ${n}`);
  for (const r of report.dateRanges) lines.push(`  ${r.what.padEnd(28)} ${r.from ?? '-'} … ${r.to ?? '-'}`);
  lines.push(`  files loaded                 ${report.batches.files} (${report.batches.rowsRead} rows read)`);
  if (report.rejectedByReason.length > 0) lines.push('rejected rows by reason:');
  for (const r of report.rejectedByReason)
    lines.push(`  ${String(r.rows).padStart(7)}  ${r.field}: ${r.reason}`);
  return lines;
}
