import type { Warehouse } from '../../platform/warehouse/warehouse.ts';

/** What merging one file's staged claims did. */
export interface ClaimCounts {
  loaded: number;
  replaced: number;
  reversed: number;
  unchanged: number;
  rejected: number;
}

interface ClaimBatch {
  batchId: string;
  file: string;
  personField: string;
}

/** What a fill says (not when it was sent), for rows staged without a hash (CSV). */
const rxContentHash = `md5(concat_ws(chr(1), s.claim_id, s.person_ref, s.fill_date, s.ndc, s.quantity, s.days_supply,
  s.prescriber_ref, s.pharmacy_ref, s.paid_amount, s.allowed_amount, s.deductible_amount, s.copay_amount,
  s.coinsurance_amount, s.is_reversed))`;

const npiOrFhirId = (ref: string): string =>
  `coalesce(case when regexp_full_match(${ref}, '\\d{10}') then ${ref} end,
     (select min(p.npi) from provider p where p.fhir_id = ${ref}))`;

/**
 * Merges staged claims of one kind into the warehouse:
 * 1. resolve the member (unknown → rejected);
 * 2. drop versions identical to one already held (an identical resend is not a new version);
 * 3. number new versions after the claim's existing ones, in file order;
 * 4. insert them (with lines and diagnoses for medical claims);
 * 5. move `is_current` to the version with the latest own timestamp (FHIR meta.lastUpdated or
 *    created, Tuva paid_date), ties going to the later arrival — so files loaded in any order
 *    give the same current claims whenever the claims carry timestamps.
 */
export async function mergeClaims(
  warehouse: Warehouse,
  kind: 'medical' | 'pharmacy',
  batch: ClaimBatch,
): Promise<ClaimCounts> {
  const stage = kind === 'medical' ? 'temp.stg_med_claim' : 'temp.stg_rx';
  const target = kind === 'medical' ? 'medical_claim' : 'pharmacy_claim';
  // Narrow rows from here on (key, hash, timestamp, member): the wide staged columns are read
  // once, by the insert.
  await warehouse.run('drop table if exists temp.claim_in');
  await warehouse.run(
    `create temp table claim_in as
     select s.vkey, s.claim_id, s.person_ref, s.is_reversed, s.source_updated,
       coalesce(s.content_hash, ${kind === 'pharmacy' ? rxContentHash : 's.content_hash'}) as content_hash,
       r.member_id
     from ${stage} s left join temp.member_ref r on r.ref = s.person_ref`,
  );
  await warehouse.run(
    `insert into rejected_row (batch_id, file_path, line, field, reason, raw)
     select $1, $2, vkey, $3, 'unknown member ' || person_ref, null from temp.claim_in where member_id is null`,
    [batch.batchId, batch.file, batch.personField],
  );
  // An identical resend carries no new content but may carry a later timestamp: the held
  // version keeps the latest one, so which copy arrived first does not matter.
  await warehouse.run(
    `update ${target} set source_updated = k.latest
     from (
       select claim_id, content_hash, max(cast(source_updated as timestamp)) as latest
       from temp.claim_in i
       where member_id is not null
         and exists (select 1 from ${target} c where c.claim_id = i.claim_id and c.content_hash = i.content_hash)
       group by claim_id, content_hash
     ) k
     where ${target}.claim_id = k.claim_id and ${target}.content_hash = k.content_hash
       and k.latest > coalesce(${target}.source_updated, timestamp '0001-01-01')`,
  );
  await warehouse.run('drop table if exists temp.claim_new');
  // New versions: one per new content of a claim, its earliest copy in the file. Most claims
  // have one version and none held before: they are version 1 and current without sorting;
  // only the others are numbered and ranked by window. Claims held before get their current
  // version by the update after the insert.
  await warehouse.run(
    `create temp table claim_new as
     with fresh as (
       select claim_id, content_hash, min(vkey) as vkey, max(source_updated) as latest,
         bool_or(is_reversed) as is_reversed, arg_min(member_id, vkey) as member_id
       from temp.claim_in k
       where member_id is not null
         and not exists (select 1 from ${target} c where c.claim_id = k.claim_id and c.content_hash = k.content_hash)
       group by claim_id, content_hash
     ),
     previous as (
       select claim_id, max(version) as max_version from ${target}
       where claim_id in (select claim_id from fresh) group by claim_id
     ),
     counted as (select claim_id, count(*) as versions from fresh group by claim_id),
     shaped as (
       select f.*, p.max_version, c.versions
       from fresh f join counted c using (claim_id) left join previous p using (claim_id)
     ),
     numbered as (
       select * exclude (max_version, versions), max_version is not null as held_before,
         coalesce(max_version, 0) + row_number() over (partition by claim_id order by vkey) as version
       from shaped where versions > 1 or max_version is not null
     )
     select * exclude (max_version, versions), false as held_before, 1 as version, true as is_current
     from shaped where versions = 1 and max_version is null
     union all by name
     select *, row_number() over (partition by claim_id order by cast(latest as timestamp) desc nulls last,
       version desc) = 1 and not held_before as is_current
     from numbered`,
  );
  const [stats] = await warehouse.all<{
    input: number;
    rejected: number;
    loaded: number;
    replaced: number;
    reversed: number;
  }>(
    `select (select count(*) from temp.claim_in) as input,
       (select count(*) from temp.claim_in where member_id is null) as rejected,
       count(*) as loaded, count(*) filter (where version > 1) as replaced,
       count(*) filter (where is_reversed) as reversed
     from temp.claim_new`,
  );
  if (kind === 'medical') await insertMedical(warehouse, batch.batchId);
  else await insertPharmacy(warehouse, batch.batchId);
  await warehouse.run(
    `update ${target} set is_current = (r.rn = 1)
     from (
       select claim_id, version,
         row_number() over (partition by claim_id order by source_updated desc nulls last, version desc) as rn
       from ${target} where claim_id in (
         select claim_id from temp.claim_in where member_id is not null
         except select claim_id from temp.claim_new where not held_before)
     ) r
     where ${target}.claim_id = r.claim_id and ${target}.version = r.version and ${target}.is_current <> (r.rn = 1)`,
  );
  const s = stats ?? { input: 0, rejected: 0, loaded: 0, replaced: 0, reversed: 0 };
  return {
    loaded: s.loaded,
    replaced: s.replaced,
    reversed: s.reversed,
    rejected: s.rejected,
    unchanged: s.input - s.rejected - s.loaded,
  };
}

async function insertMedical(warehouse: Warehouse, batchId: string): Promise<void> {
  await warehouse.run(
    `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting,
       claim_date, start_date, end_date, admission_type, bill_type, billing_npi, paid_amount, allowed_amount,
       deductible_amount, copay_amount, coinsurance_amount, batch_id, source_updated, content_hash)
     select n.claim_id, n.version, n.is_current, n.is_reversed, n.member_id, s.claim_type, s.setting,
       cast(s.claim_date as date), cast(s.start_date as date), cast(s.end_date as date), s.admission_type,
       s.bill_type, ${npiOrFhirId('s.billing_ref')}, s.paid_amount, s.allowed_amount, s.deductible_amount,
       s.copay_amount, s.coinsurance_amount, $1, cast(n.latest as timestamp), n.content_hash
     from temp.claim_new n join temp.stg_med_claim s on s.vkey = n.vkey`,
    [batchId],
  );
  await warehouse.run(
    `insert into medical_claim_line (claim_id, version, line_number, service_date, procedure_code, revenue_code,
       place_of_service, units, rendering_npi, paid_amount)
     select n.claim_id, n.version, l.line_number, cast(l.service_date as date), l.procedure_code, l.revenue_code,
       l.place_of_service, l.units, ${npiOrFhirId('l.rendering_ref')}, l.paid_amount
     from temp.claim_new n join temp.stg_med_line l on l.vkey = n.vkey`,
  );
  await warehouse.run(
    `insert into medical_claim_dx (claim_id, version, position, code, is_principal)
     select n.claim_id, n.version, d.position, d.code, d.is_principal
     from temp.claim_new n join temp.stg_med_dx d on d.vkey = n.vkey`,
  );
}

async function insertPharmacy(warehouse: Warehouse, batchId: string): Promise<void> {
  await warehouse.run(
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, prescriber_npi, pharmacy_npi, paid_amount, allowed_amount, deductible_amount, copay_amount,
       coinsurance_amount, batch_id, source_updated, content_hash)
     select n.claim_id, n.version, n.is_current, n.is_reversed, n.member_id, cast(s.fill_date as date), s.ndc,
       s.quantity, s.days_supply, ${npiOrFhirId('s.prescriber_ref')}, ${npiOrFhirId('s.pharmacy_ref')},
       s.paid_amount, s.allowed_amount, s.deductible_amount, s.copay_amount, s.coinsurance_amount, $1,
       cast(n.latest as timestamp), n.content_hash
     from temp.claim_new n join temp.stg_rx s on s.vkey = n.vkey`,
    [batchId],
  );
}
