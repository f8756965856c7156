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
  await warehouse.run('drop table if exists temp.claim_in');
  await warehouse.run(
    `create temp table claim_in as
     select s.* replace (coalesce(s.content_hash, ${kind === 'pharmacy' ? rxContentHash : 's.content_hash'}) as content_hash),
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
       from temp.claim_in where member_id is not null group by claim_id, content_hash
     ) k
     where ${target}.claim_id = k.claim_id and ${target}.content_hash = k.content_hash
       and k.latest > coalesce(${target}.source_updated, timestamp '0001-01-01')`,
  );
  await warehouse.run('drop table if exists temp.claim_new');
  // Versions are found and numbered on narrow rows (key, hash, timestamp) grouped by hash, then
  // joined back to their staged rows once. A claim first seen in this file gets its current
  // version on insert; only claims held before need the update below.
  await warehouse.run(
    `create temp table claim_new as
     with fresh as (
       select claim_id, content_hash, min(vkey) as vkey, max(source_updated) as latest
       from temp.claim_in k
       where member_id is not null
         and not exists (select 1 from ${target} c where c.claim_id = k.claim_id and c.content_hash = k.content_hash)
       group by claim_id, content_hash
     ),
     previous as (
       select claim_id, max(version) as max_version from ${target}
       where claim_id in (select claim_id from fresh) group by claim_id
     ),
     numbered as (
       select f.*, p.max_version is not null as held_before,
         coalesce(p.max_version, 0) + row_number() over (partition by f.claim_id order by f.vkey) as version
       from fresh f left join previous p using (claim_id)
     ),
     ranked as (
       select *, row_number() over (partition by claim_id order by cast(latest as timestamp) desc nulls last, version desc) = 1
         and not held_before as is_current
       from numbered
     )
     select k.* replace (r.latest as source_updated), r.version, r.held_before, r.is_current
     from ranked r join temp.claim_in k on k.vkey = r.vkey`,
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
     select claim_id, version, is_current, is_reversed, member_id, claim_type, setting, cast(claim_date as date),
       cast(start_date as date), cast(end_date as date), admission_type, bill_type, ${npiOrFhirId('billing_ref')},
       paid_amount, allowed_amount, deductible_amount, copay_amount, coinsurance_amount, $1,
       cast(source_updated as timestamp), content_hash
     from temp.claim_new`,
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
     select claim_id, version, is_current, is_reversed, member_id, cast(fill_date as date), ndc, quantity, days_supply,
       ${npiOrFhirId('prescriber_ref')}, ${npiOrFhirId('pharmacy_ref')}, paid_amount, allowed_amount,
       deductible_amount, copay_amount, coinsurance_amount, $1,
       cast(source_updated as timestamp), content_hash
     from temp.claim_new`,
    [batchId],
  );
}
