import type { Warehouse } from '../../platform/warehouse/warehouse.ts';

/** Counts one merge step reports back to the file's summary. */
export interface PartyCounts {
  members: number;
  enrollments: number;
  providers: number;
  rejected: number;
}

const count = async (warehouse: Warehouse, sql: string): Promise<number> =>
  Number((await warehouse.all<{ n: number }>(sql))[0]?.n ?? 0);

/**
 * Upserts the staged members and providers (the last row of a key in the file wins), then
 * the enrollment spans of members now known; spans of unknown members are rejected.
 */
export async function mergeParties(
  warehouse: Warehouse,
  batch: { batchId: string; file: string; personField: string },
): Promise<PartyCounts> {
  const members = await count(warehouse, 'select count(distinct member_id) as n from temp.stg_member');
  await warehouse.run(
    `insert into member (member_id, person_id, birth_date, gender, first_name, last_name, phone,
       address_line, city, state, zip, county_fips, batch_id)
     select member_id, person_id, cast(birth_date as date), gender, first_name, last_name, phone,
       address_line, city, state, zip, county_fips, $1
     from temp.stg_member
     qualify row_number() over (partition by member_id order by line desc) = 1
     on conflict (member_id) do update set person_id = excluded.person_id, birth_date = excluded.birth_date,
       gender = excluded.gender, first_name = excluded.first_name, last_name = excluded.last_name,
       phone = excluded.phone, address_line = excluded.address_line, city = excluded.city,
       state = excluded.state, zip = excluded.zip, county_fips = excluded.county_fips,
       batch_id = excluded.batch_id`,
    [batch.batchId],
  );
  const providers = await count(warehouse, 'select count(distinct npi) as n from temp.stg_provider');
  await warehouse.run(
    `insert into provider (npi, name, kind, state, zip, fhir_id, batch_id)
     select npi, name, kind, state, zip, fhir_id, $1 from temp.stg_provider
     qualify row_number() over (partition by npi order by line desc) = 1
     on conflict (npi) do update set name = excluded.name, kind = excluded.kind, state = excluded.state,
       zip = excluded.zip, fhir_id = excluded.fhir_id, batch_id = excluded.batch_id`,
    [batch.batchId],
  );
  await buildMemberRefs(warehouse);
  const rejected = await count(
    warehouse,
    `select count(*) as n from temp.stg_enrollment s
     where not exists (select 1 from temp.member_ref r where r.ref = s.person_ref)`,
  );
  await warehouse.run(
    `insert into rejected_row (batch_id, file_path, line, field, reason, raw)
     select $1, $2, s.line, $3, 'unknown member ' || s.person_ref, null from temp.stg_enrollment s
     where not exists (select 1 from temp.member_ref r where r.ref = s.person_ref)`,
    [batch.batchId, batch.file, batch.personField],
  );
  const enrollments = await count(
    warehouse,
    `select count(*) as n from (select distinct r.member_id, s.start_date, s.plan_id
     from temp.stg_enrollment s join temp.member_ref r on r.ref = s.person_ref)`,
  );
  await warehouse.run(
    `insert into enrollment (member_id, start_date, end_date, line_of_business, plan_type, plan_id, payer, batch_id)
     select r.member_id, cast(s.start_date as date), cast(s.end_date as date), s.line_of_business,
       s.plan_type, s.plan_id, s.payer, $1
     from temp.stg_enrollment s join temp.member_ref r on r.ref = s.person_ref
     qualify row_number() over (partition by r.member_id, s.start_date, s.plan_id order by s.line desc) = 1
     on conflict (member_id, start_date, plan_id) do update set end_date = excluded.end_date,
       line_of_business = excluded.line_of_business, plan_type = excluded.plan_type,
       payer = excluded.payer, batch_id = excluded.batch_id`,
    [batch.batchId],
  );
  return { members, enrollments, providers, rejected };
}

/** Whether the file staged any member, enrollment or provider (claims files stage none). */
export async function hasStagedParties(warehouse: Warehouse): Promise<boolean> {
  return (
    (await count(
      warehouse,
      `select (select count(*) from temp.stg_member) + (select count(*) from temp.stg_enrollment)
         + (select count(*) from temp.stg_provider) as n`,
    )) > 0
  );
}

/**
 * How a claim or coverage names its member: by person id (FHIR Patient.id, Tuva person_id)
 * first, else by member id.
 */
export async function buildMemberRefs(warehouse: Warehouse): Promise<void> {
  await warehouse.run('drop table if exists temp.member_ref');
  await warehouse.run(
    `create temp table member_ref as
     select ref, min(member_id) as member_id, min(precedence) as precedence from (
       select person_id as ref, member_id, 1 as precedence from member where person_id is not null
       union all select member_id, member_id, 2 from member
     ) group by ref, precedence
     qualify row_number() over (partition by ref order by precedence) = 1`,
  );
}
