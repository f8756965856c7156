import type { Warehouse } from '../../../platform/warehouse/warehouse.ts';

/**
 * Groups staged medical_claim rows into claim versions and stages those like FHIR claims.
 * A claim's lines come in ascending line numbers; a row whose line number does not rise
 * above the previous row of the same claim starts a new version (an adjustment resent
 * later in the file). A version's key is its first row's line; its timestamp the latest
 * paid_date; its header fields come from its first row; its amounts are its lines' sums, in cents.
 */
export async function stageCsvMedicalVersions(warehouse: Warehouse): Promise<void> {
  await warehouse.run('drop table if exists temp.csv_med_rows');
  // A version's key is the line of its first row: the latest row at or before this one that
  // opens the claim or restarts its line numbers. One running max over one window (rather
  // than counting restarts and grouping by the count) saves a second sort of every row.
  await warehouse.run(
    `create temp table csv_med_rows as
     with breaks as (
       select * replace (md5_number(concat_ws(chr(1), claim_id, line_number, claim_type, person_ref, claim_start, claim_end,
           line_start, admit_type, place_of_service, bill_type, revenue_code, procedure_code, units, rendering_npi,
           billing_npi, dx, paid_amount, allowed_amount, deductible_amount, copay_amount, coinsurance_amount,
           is_reversed)) as row_hash),
         lag(line) over claim_rows is null
           or coalesce(line_number <= lag(line_number) over claim_rows, false) as starts
       from temp.stg_csv_med
       window claim_rows as (partition by claim_id order by line)
     )
     select * exclude (starts), max(case when starts then line end) over (partition by claim_id order by line
       rows between unbounded preceding and current row) as vkey
     from breaks`,
  );
  // Header fields come from the version's first row (line = vkey). The content hash combines
  // the rows' hashes with xor, which needs no sort: each row hash covers its line number,
  // and line numbers are unique within a version, so the set of rows decides the hash.
  await warehouse.run(
    `insert into temp.stg_med_claim
     select f.vkey, f.claim_id, f.person_ref, f.claim_type,
       case when f.claim_type = 'institutional' then
         case when ltrim(f.bill_type, '0') like '11%' then 'inpatient' else 'outpatient' end end,
       coalesce(v.first_line_start, f.claim_start), f.claim_start, f.claim_end, f.admit_type, f.bill_type,
       f.billing_npi, v.paid_amount, v.allowed_amount, v.deductible_amount, v.copay_amount,
       v.coinsurance_amount, v.is_reversed, v.paid_date, v.content_hash
     from (
       select vkey, min(line_start) as first_line_start, round(sum(paid_amount), 2) as paid_amount,
         round(sum(allowed_amount), 2) as allowed_amount, round(sum(deductible_amount), 2) as deductible_amount,
         round(sum(copay_amount), 2) as copay_amount, round(sum(coinsurance_amount), 2) as coinsurance_amount,
         bool_or(is_reversed) as is_reversed, max(paid_date) as paid_date,
         lower(hex(bit_xor(row_hash))) as content_hash
       from temp.csv_med_rows group by vkey
     ) v join temp.csv_med_rows f on f.line = v.vkey`,
  );
  // Line numbers rise strictly within a version (a repeat starts the next one), so each is unique.
  await warehouse.run(
    `insert into temp.stg_med_line
     select vkey, line_number, coalesce(line_start, claim_start), procedure_code, revenue_code, place_of_service,
       units, rendering_npi, paid_amount
     from temp.csv_med_rows`,
  );
  await warehouse.run(
    `insert into temp.stg_med_dx
     select vkey, position, code, position = 1 from (
       select vkey, unnest(codes) as code, generate_subscripts(codes, 1) as position from (
         select vkey, string_split(dx, '|') as codes from temp.csv_med_rows where line = vkey
       )
     ) where code <> ''`,
  );
}
