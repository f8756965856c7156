import type { Warehouse } from '../../../platform/warehouse/warehouse.ts';

/** What a claim line says, hashed: its columns, as staged. */
const rowHash = `md5_number(concat_ws(chr(1), r.claim_id, r.line_number, r.claim_type, r.person_ref, r.claim_start,
  r.claim_end, r.line_start, r.admit_type, r.place_of_service, r.bill_type, r.revenue_code, r.procedure_code,
  r.units, r.rendering_npi, r.billing_npi, r.dx, r.paid_amount, r.allowed_amount, r.deductible_amount,
  r.copay_amount, r.coinsurance_amount, r.is_reversed))`;

/**
 * Groups staged medical_claim rows into claim versions and stages those like FHIR claims.
 * A claim's lines come in ascending line numbers; a row whose line number does not rise
 * above the previous row of the same claim starts a new version (an adjustment resent
 * later in the file). A version's key is its first row's line; its timestamp the latest
 * paid_date; its header fields come from its first row; its amounts are its lines' sums, in cents.
 */
export async function stageCsvMedicalVersions(warehouse: Warehouse): Promise<void> {
  await warehouse.run('drop table if exists temp.csv_med_version');
  // A row's version key is the line of the latest row at or before it that opens the claim
  // or restarts its line numbers. Only the narrow columns go through the window's sort.
  await warehouse.run(
    `create temp table csv_med_version as
     with breaks as (
       select line, claim_id, lag(line) over claim_rows is null
           or coalesce(line_number <= lag(line_number) over claim_rows, false) as starts
       from temp.stg_csv_med
       window claim_rows as (partition by claim_id order by line)
     )
     select line, starts, max(case when starts then line end) over (partition by claim_id order by line
       rows between unbounded preceding and current row) as vkey
     from breaks`,
  );
  // Header fields come from the version's first row (line = vkey). The content hash combines
  // the rows' hashes with xor, which needs no sort: each row hash covers its line number,
  // and line numbers are unique within a version, so the set of rows decides the hash.
  await warehouse.run(
    `insert into temp.stg_med_claim
     select f.line, f.claim_id, f.person_ref, f.claim_type,
       case when f.claim_type = 'institutional' then
         case when ltrim(f.bill_type, '0') like '11%' then 'inpatient' else 'outpatient' end end,
       coalesce(v.first_line_start, f.claim_start), f.claim_start, f.claim_end, f.admit_type, f.bill_type,
       f.billing_npi, v.paid_amount, v.allowed_amount, v.deductible_amount, v.copay_amount,
       v.coinsurance_amount, v.is_reversed, v.paid_date, v.content_hash
     from (
       select k.vkey, min(r.line_start) as first_line_start, round(sum(r.paid_amount), 2) as paid_amount,
         round(sum(r.allowed_amount), 2) as allowed_amount, round(sum(r.deductible_amount), 2) as deductible_amount,
         round(sum(r.copay_amount), 2) as copay_amount, round(sum(r.coinsurance_amount), 2) as coinsurance_amount,
         bool_or(r.is_reversed) as is_reversed, max(r.paid_date) as paid_date,
         lower(hex(bit_xor(${rowHash}))) as content_hash
       from temp.stg_csv_med r join temp.csv_med_version k using (line) group by k.vkey
     ) v join temp.stg_csv_med f on f.line = v.vkey`,
  );
  // Line numbers rise strictly within a version (a repeat starts the next one), so each is unique.
  await warehouse.run(
    `insert into temp.stg_med_line
     select k.vkey, r.line_number, coalesce(r.line_start, r.claim_start), r.procedure_code, r.revenue_code,
       r.place_of_service, r.units, r.rendering_npi, r.paid_amount
     from temp.stg_csv_med r join temp.csv_med_version k using (line)`,
  );
  // Trailing empty codes are cut before the split: most claims have a few of the 25.
  await warehouse.run(
    `insert into temp.stg_med_dx
     select vkey, position, code, position = 1 from (
       select vkey, unnest(codes) as code, generate_subscripts(codes, 1) as position from (
         select r.line as vkey, string_split(rtrim(r.dx, '|'), '|') as codes
         from temp.stg_csv_med r semi join temp.csv_med_version k on k.line = r.line and k.starts
       )
     ) where code <> ''`,
  );
  await warehouse.run('drop table temp.csv_med_version');
}
