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
       select * replace (md5(concat_ws(chr(1), claim_id, line_number, claim_type, person_ref, claim_start, claim_end,
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
  await warehouse.run(
    `insert into temp.stg_med_claim
     select vkey, claim_id, arg_min(person_ref, line), arg_min(claim_type, line),
       case when arg_min(claim_type, line) = 'institutional' then
         case when ltrim(arg_min(bill_type, line), '0') like '11%' then 'inpatient' else 'outpatient' end end,
       coalesce(min(line_start), arg_min(claim_start, line)), arg_min(claim_start, line), arg_min(claim_end, line),
       arg_min(admit_type, line), arg_min(bill_type, line), arg_min(billing_npi, line), round(sum(paid_amount), 2),
       round(sum(allowed_amount), 2), round(sum(deductible_amount), 2), round(sum(copay_amount), 2),
       round(sum(coinsurance_amount), 2), bool_or(is_reversed), max(paid_date), md5(string_agg(row_hash, ',' order by line_number))
     from temp.csv_med_rows group by claim_id, vkey`,
  );
  await warehouse.run(
    `insert into temp.stg_med_line
     select vkey, line_number, coalesce(line_start, claim_start), procedure_code, revenue_code, place_of_service,
       units, rendering_npi, paid_amount
     from temp.csv_med_rows
     qualify row_number() over (partition by vkey, line_number order by line) = 1`,
  );
  await warehouse.run(
    `insert into temp.stg_med_dx
     select vkey, position, code, position = 1 from (
       select vkey, unnest(codes) as code, generate_subscripts(codes, 1) as position from (
         select vkey, string_split(dx, '|') as codes from temp.csv_med_rows
         qualify row_number() over (partition by vkey order by line) = 1
       )
     ) where code <> ''`,
  );
}
