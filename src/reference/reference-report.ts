import { csvField } from '../platform/csv/csv-field.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import type { ImportSummary, RejectedRow } from './import-result.ts';

const n = (value: number): string => value.toLocaleString('en-US');

/** Plain-text lines summarizing one import: counts, loaded rows per class, skipped and the first rejects. */
export function formatImportSummary(summary: ImportSummary, maxRejects = 10): string[] {
  const lines = [
    `${summary.file} (${summary.layout}): ${n(summary.rowsRead)} rows read, ${n(summary.loaded)} loaded, ` +
      `${n(summary.rejected.length)} rejected`,
  ];
  const classes = Object.entries(summary.byClass).sort(([a], [b]) => a.localeCompare(b));
  if (classes.length > 0) lines.push(`  loaded: ${classes.map(([c, k]) => `${c} ${n(k)}`).join(', ')}`);
  for (const [reason, k] of Object.entries(summary.skipped)) lines.push(`  skipped ${n(k)}: ${reason}`);
  for (const r of summary.rejected.slice(0, maxRejects))
    lines.push(`  rejected line ${r.line}, ${r.field}: ${r.reason}`);
  if (summary.rejected.length > maxRejects)
    lines.push(`  … ${n(summary.rejected.length - maxRejects)} more rejects (use --rejects FILE)`);
  return lines;
}

/** Rejected rows as CSV with a header: file, line, field, reason. */
export function formatRejectsCsv(rejects: readonly RejectedRow[]): string {
  const rows = rejects.map((r) => [r.file, r.line, r.field, r.reason].map(csvField).join(','));
  return `${['file,line,field,reason', ...rows].join('\n')}\n`;
}

/** What the reference holds: drugs per source and class, RxNorm rows per class, factors per set. */
export async function describeReference(warehouse: Warehouse): Promise<string[]> {
  const drugs = await warehouse.all<{ source: string; drug_class: string; n: number }>(
    'select source, drug_class, count(*) as n from drug group by source, drug_class order by source, drug_class',
  );
  const rxnorm = await warehouse.all<{ drug_class: string; n: number }>(
    'select drug_class, count(*) as n from drug_rxnorm group by drug_class order by drug_class',
  );
  const factors = await warehouse.all<{ factor_set: string; n: number; ndcs: number }>(
    `select f.factor_set, count(*) as n,
       (select count(*) from drug_mme_factor m where m.factor_set = f.factor_set) as ndcs
     from mme_factor f group by f.factor_set order by f.factor_set`,
  );
  const lines = ['drug (by NDC):'];
  for (const d of drugs) lines.push(`  ${d.source.padEnd(14)} ${d.drug_class.padEnd(18)} ${n(d.n)}`);
  lines.push('drug_rxnorm (by RxCUI):');
  if (rxnorm.length === 0) lines.push('  (none: checkpoint reference import FILE --format omtk)');
  for (const r of rxnorm) lines.push(`  ${'omtk'.padEnd(14)} ${r.drug_class.padEnd(18)} ${n(r.n)}`);
  lines.push('mme_factor:');
  for (const f of factors)
    lines.push(`  ${f.factor_set.padEnd(14)} ${n(f.n)} factors; ${n(f.ndcs)} NDCs with a factor`);
  return lines;
}
