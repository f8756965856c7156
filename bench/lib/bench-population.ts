/**
 * The bench population (identify and signals benches): a warehouse for `n` members built
 * directly with DuckDB SQL (`insert … select from range(…)`), deterministic by hashes of
 * row numbers. Shapes follow a commercial plan (see bench/identify.ts).
 */
import fs from 'node:fs';
import { ensureWarehouseSchema } from '../../src/claims/warehouse-schema.ts';
import { openDuckDbWarehouse } from '../../src/platform/warehouse/duckdb/duckdb-warehouse.ts';
import { loadBuiltinReference } from '../../src/reference/load-builtin-reference.ts';

export const asOf = '2026-06-30';

/** The member id of the i-th generated member. */
export const memberIdOf = (i: number) => `M${String(i).padStart(8, '0')}`;

/** Builds the bench warehouse for `n` members with set-oriented DuckDB SQL (deterministic: hash of row numbers). */
export async function buildBenchWarehouse(file: string, n: number): Promise<void> {
  const tmp = `${file}.building`;
  fs.rmSync(tmp, { force: true });
  fs.rmSync(`${tmp}.wal`, { force: true });
  const w = await openDuckDbWarehouse(tmp);
  await ensureWarehouseSchema(w);
  await loadBuiltinReference(w);
  const asOfSql = `date '${asOf}'`;
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    await w.run(sql);
    process.stdout.write(`  build ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  };
  await w.run(`create temp table geo as select * from (values
      (0, 'NJ', '07001', null), (1, 'NY', '11201', '36047'), (2, 'IL', '60601', '17031'), (3, 'PA', '19103', '42101'),
      (4, 'DC', '20001', '11001'), (5, 'CT', '06101', null), (6, 'MD', '21201', null), (7, 'VA', '22201', null),
      (8, 'NY', '11691', null), (9, 'PA', '15201', '42003'), (10, 'TX', '75001', null), (11, 'CA', '90001', null))
    as t(idx, state, zip, county)`);
  await w.run(`create temp table opioid_ndc as
    select row_number() over (order by ndc) - 1 as idx, ndc from drug where drug_class = 'opioid_analgesic'`);
  await w.run(`create temp table benzo_ndc as
    select row_number() over (order by ndc) - 1 as idx, ndc from drug where drug_class = 'benzodiazepine'`);
  await w.run(`create temp table moud_ndc as
    select row_number() over (order by ndc) - 1 as idx, ndc from drug where drug_class in ('buprenorphine', 'naltrexone')`);
  const [counts] = await w.all<{ opioid: number; benzo: number; moud: number }>(
    `select (select count(*) from opioid_ndc) as opioid, (select count(*) from benzo_ndc) as benzo,
            (select count(*) from moud_ndc) as moud`,
  );
  if (!counts?.opioid || !counts.benzo || !counts.moud)
    throw new Error('the built-in drug table lacks a class');
  await step(
    'members',
    `insert into member (member_id, birth_date, gender, state, zip, county_fips, batch_id)
     select 'M' || lpad(cast(i as varchar), 8, '0'), date '1950-01-01' + cast(hash(i, 1) % 25000 as integer),
            case when hash(i, 2) % 2 = 0 then 'female' else 'male' end, g.state, g.zip, g.county, 'bench'
     from range(${n}) r(i) join geo g on g.idx = hash(i, 3) % 12`,
  );
  await step(
    'enrollment',
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_id, batch_id)
     select 'M' || lpad(cast(i as varchar), 8, '0'), date '2024-01-01',
            case when hash(i, 4) % 10 = 0 then ${asOfSql} - cast(hash(i, 5) % 400 as integer) end,
            case when hash(i, 6) % 10 < 8 then 'commercial' when hash(i, 6) % 10 = 8 then 'medicare' else 'medicaid' end,
            'PLAN', 'bench'
     from range(${n}) r(i)`,
  );
  // Profiles by member: p < 4 long-term opioid (p = 0 shops prescribers), p < 12 acute courses,
  // p < 15 benzodiazepines (p < 6 also overlap with opioids), p = 15 MOUD; the rest fill other drugs.
  await step(
    'pharmacy claims',
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, prescriber_npi, pharmacy_npi, paid_amount, batch_id)
     with rows as (
       select j, j // 8 as m, j % 8 as k, hash(j // 8, 7) % 100 as p from range(${n} * 8) r(j)
     ), shaped as (
       select j, m, k, p,
         case when p < 4 then 'opioid' when p < 12 and k < 2 then 'opioid'
              when p < 6 and k >= 6 then 'benzo' when p >= 12 and p < 15 and k < 4 then 'benzo'
              when p = 15 and k < 6 then 'moud' else 'other' end as kind
       from rows
     )
     select 'RX' || lpad(cast(j as varchar), 10, '0'), 1, true, false, 'M' || lpad(cast(m as varchar), 8, '0'),
       case when kind = 'opioid' and p < 4 then ${asOfSql} - cast(k * 30 + hash(m, 8) % 25 as integer)
            when kind = 'opioid' then ${asOfSql} - cast(hash(m, 9) % 700 + k * 9 as integer)
            when kind = 'benzo' or kind = 'moud' then ${asOfSql} - cast((k % 4) * 30 + hash(m, 10) % 40 as integer)
            else ${asOfSql} - cast(hash(j, 11) % 730 as integer) end,
       case when kind = 'opioid' then o.ndc when kind = 'benzo' then b.ndc when kind = 'moud' then d.ndc
            else '9' || lpad(cast(hash(j, 15) % 5000 as varchar), 10, '0') end,
       case when kind = 'opioid' and p < 4 then 30 + hash(m, 16) % 150 when kind = 'opioid' then 10 + hash(j, 17) % 30
            else 30 end,
       case when kind = 'opioid' and p >= 4 then 5 + cast(hash(j, 18) % 10 as integer) else 30 end,
       case when p = 0 then 'D' || (hash(j, 19) % 2000) else 'D' || (hash(m, 20) % 2000) end,
       case when p = 0 then 'P' || (hash(j, 21) % 500) else 'P' || (hash(m, 22) % 500) end,
       10 + hash(j, 23) % 200, 'bench'
     from shaped
     join opioid_ndc o on o.idx = hash(m, 12) % ${counts.opioid}
     join benzo_ndc b on b.idx = hash(m, 13) % ${counts.benzo}
     join moud_ndc d on d.idx = hash(m, 14) % ${counts.moud}`,
  );
  await step(
    'medical claims',
    `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting, claim_date,
       admission_type, billing_npi, paid_amount, batch_id)
     select 'MC' || lpad(cast(j as varchar), 10, '0'), 1, true, false, 'M' || lpad(cast(j // 6 as varchar), 8, '0'),
       case when hash(j, 30) % 10 < 7 then 'professional' else 'institutional' end,
       case when hash(j, 30) % 10 < 7 then null when hash(j, 31) % 20 = 0 then 'inpatient' else 'outpatient' end,
       ${asOfSql} - cast(hash(j, 32) % 730 as integer),
       case when hash(j, 33) % 2 = 0 then '1' else '3' end, 'B' || (hash(j, 34) % 3000), 50 + hash(j, 35) % 2000, 'bench'
     from range(${n} * 6) r(j)`,
  );
  await step(
    'medical lines',
    `insert into medical_claim_line (claim_id, version, line_number, service_date, procedure_code, revenue_code,
       place_of_service, units, paid_amount)
     select c.claim_id, 1, l.n, c.claim_date,
       case when h % 1000 < 30 then '99283' when h % 1000 < 35 then 'A0427' when h % 1000 < 38 then 'H0020'
            when h % 1000 < 40 then 'Q5003' else '992' || (10 + h % 6) end,
       case when c.claim_type = 'institutional' then case when h % 100 < 10 then '0450' else '0300' end end,
       case when c.claim_type = 'professional' then case when h % 1000 < 5 then '23' else '11' end end,
       1, 20 + h % 300
     from medical_claim c
     cross join (values (1), (2)) l(n)
     cross join lateral (select hash(c.claim_id, l.n) as h) x
     where l.n = 1 or hash(c.claim_id, 36) % 10 < 7`,
  );
  // Diagnoses: member-level conditions on some claims, everyday codes elsewhere.
  await step(
    'diagnoses',
    `insert into medical_claim_dx (claim_id, version, position, code, is_principal)
     select c.claim_id, 1, d.n,
       case when d.n = 1 and mh % 1000 < 20 and h % 3 = 0 then 'F1120'
            when d.n = 1 and mh % 1000 between 20 and 39 and h % 3 = 0 then 'F1020'
            when d.n = 1 and mh % 1000 between 40 and 49 and h % 4 = 0 then 'C50911'
            when d.n = 2 and mh % 1000 < 4 and h % 5 = 0 then 'T401X1A'
            when d.n = 2 and mh % 1000 between 50 and 52 and h % 5 = 0 then 'Z515'
            else (['I10', 'E119', 'M545', 'J069', 'Z0000', 'K219', 'E785', 'F419', 'R51', 'N390'])[cast(1 + h % 10 as bigint)] end,
       d.n = 1
     from medical_claim c
     cross join (values (1), (2)) d(n)
     cross join lateral (select hash(c.claim_id, d.n, 40) as h, hash(c.member_id, 41) as mh) x`,
  );
  // 2 % of claims adjusted (a second, current version) and 0.5 % reversed.
  await step(
    'adjustments and reversals',
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, prescriber_npi, pharmacy_npi, paid_amount, batch_id)
     select claim_id, 2, true, false, member_id, fill_date, ndc, quantity + 1, days_supply, prescriber_npi,
       pharmacy_npi, paid_amount, batch_id from pharmacy_claim where hash(claim_id, 50) % 50 = 0;
     update pharmacy_claim set is_current = false where version = 1 and hash(claim_id, 50) % 50 = 0;
     update pharmacy_claim set is_reversed = true where hash(claim_id, 51) % 200 = 0;
     update medical_claim set is_reversed = true where hash(claim_id, 52) % 200 = 0`,
  );
  await w.run('checkpoint');
  await w.close();
  fs.renameSync(tmp, file);
}
