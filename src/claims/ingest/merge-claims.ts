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
  /** How claims name providers: CSV by NPI only; FHIR by NPI or by a Practitioner/Organization id. */
  providerRefs: 'npi' | 'npi-or-fhir-id';
}

/** What a fill says (not when it was sent), for rows staged without a hash (CSV). */
const rxContentHash = `md5(concat_ws(chr(1), s.claim_id, s.person_ref, s.fill_date, s.ndc, s.quantity, s.days_supply,
  s.prescriber_ref, s.pharmacy_ref, s.paid_amount, s.allowed_amount, s.deductible_amount, s.copay_amount,
  s.coinsurance_amount, s.is_reversed))`;

/** The NPI a claim's provider reference names (null when it names none). */
const providerNpi = (ref: string, refs: ClaimBatch['providerRefs']): string => {
  const npi = `case when regexp_full_match(${ref}, '\\d{10}') then ${ref} end`;
  return refs === 'npi'
    ? npi
    : `coalesce(${npi}, (select min(p.npi) from provider p where p.fhir_id = ${ref}))`;
};

/** The temp tables one kind's merge plan lives in. */
const planTables = (kind: ClaimKind) => ({
  input: `claim_in_${kind}`,
  held: `claim_held_${kind}`,
  special: `claim_special_${kind}`,
  fresh: `claim_new_${kind}`,
});
type ClaimKind = 'medical' | 'pharmacy';
const targetOf = (kind: ClaimKind) => (kind === 'medical' ? 'medical_claim' : 'pharmacy_claim');

/**
 * Plans the merge of one kind's staged claims, in temp tables only (it reads the warehouse
 * and `temp.member_ref`, and writes nothing else, so it may run before the file's transaction):
 * 1. resolve the member (unknown members are rejected by `applyClaims`);
 * 2. drop versions identical to one already held (an identical resend is not a new version);
 * 3. number new versions after the claim's existing ones, in file order, and pick the
 *    current one by its own timestamp.
 * Most claims of a file are new to the warehouse and come once: they are version 1 and
 * current without any grouping, sorting or comparing; only the others take steps 2 and 3.
 */
export async function planClaims(warehouse: Warehouse, kind: ClaimKind): Promise<void> {
  const stage = kind === 'medical' ? 'temp.stg_med_claim' : 'temp.stg_rx';
  const target = targetOf(kind);
  const t = planTables(kind);
  // Narrow rows from here on (key, hash, timestamp, member): the wide staged columns are read
  // once, by the insert.
  await warehouse.run(
    `create or replace temp table ${t.input} as
     select s.vkey, s.claim_id, s.person_ref, s.is_reversed, s.source_updated,
       coalesce(s.content_hash, ${kind === 'pharmacy' ? rxContentHash : 's.content_hash'}) as content_hash,
       r.member_id
     from ${stage} s left join temp.member_ref r on r.ref = s.person_ref`,
  );
  // Claims the warehouse holds already (with their last version number), and the claims that
  // need more than "version 1, current": those held, and those sent more than once in this file.
  await warehouse.run(
    `create or replace temp table ${t.held} as
     select claim_id, max(version) as max_version from ${target}
     where claim_id in (select claim_id from temp.${t.input} where member_id is not null) group by claim_id`,
  );
  await warehouse.run(
    `create or replace temp table ${t.special} as
     select claim_id from temp.${t.input} where member_id is not null group by claim_id having count(*) > 1
     union select claim_id from temp.${t.held}`,
  );
  // New versions of the special claims: one per new content, its earliest copy in the file,
  // numbered after the held ones in file order and ranked by timestamp for the current one.
  // Claims held before get their current version in `applyClaims`, after the insert.
  await warehouse.run(
    `create or replace temp table ${t.fresh} as
     with fresh as (
       select claim_id, content_hash, min(vkey) as vkey, max(source_updated) as latest,
         bool_or(is_reversed) as is_reversed, arg_min(member_id, vkey) as member_id
       from temp.${t.input} k
       where member_id is not null and claim_id in (select claim_id from temp.${t.special})
         and not exists (select 1 from ${target} c where c.claim_id = k.claim_id and c.content_hash = k.content_hash)
       group by claim_id, content_hash
     ),
     numbered as (
       select f.*, h.max_version is not null as held_before,
         coalesce(h.max_version, 0) + row_number() over (partition by claim_id order by f.vkey) as version
       from fresh f left join temp.${t.held} h using (claim_id)
     )
     select claim_id, content_hash, vkey, source_updated as latest, is_reversed, member_id,
       false as held_before, 1 as version, true as is_current
     from temp.${t.input}
     where member_id is not null and claim_id not in (select claim_id from temp.${t.special})
     union all by name
     select *, row_number() over (partition by claim_id order by cast(latest as timestamp) desc nulls last,
       version desc) = 1 and not held_before as is_current
     from numbered`,
  );
}

/**
 * Carries out `planClaims`' plan in the file's transaction: rejects claims of unknown
 * members, gives held versions resent with a later timestamp that timestamp, inserts the new
 * versions (with lines and diagnoses for medical claims), and moves `is_current` of held
 * claims to the version with the latest own timestamp (FHIR meta.lastUpdated or created, Tuva
 * paid_date), ties going to the later arrival — so files loaded in any order give the same
 * current claims whenever the claims carry timestamps.
 */
export async function applyClaims(
  warehouse: Warehouse,
  kind: ClaimKind,
  batch: ClaimBatch,
): Promise<ClaimCounts> {
  const target = targetOf(kind);
  const t = planTables(kind);
  await warehouse.run(
    `insert into rejected_row (batch_id, file_path, line, field, reason, raw)
     select $1, $2, vkey, $3, 'unknown member ' || person_ref, null from temp.${t.input} where member_id is null`,
    [batch.batchId, batch.file, batch.personField],
  );
  // An identical resend carries no new content but may carry a later timestamp: the held
  // version keeps the latest one, so which copy arrived first does not matter.
  await warehouse.run(
    `update ${target} set source_updated = k.latest
     from (
       select claim_id, content_hash, max(cast(source_updated as timestamp)) as latest
       from temp.${t.input} where member_id is not null and claim_id in (select claim_id from temp.${t.held})
       group by claim_id, content_hash
     ) k
     where ${target}.claim_id = k.claim_id and ${target}.content_hash = k.content_hash
       and k.latest > coalesce(${target}.source_updated, timestamp '0001-01-01')`,
  );
  const [stats] = await warehouse.all<{
    input: number;
    rejected: number;
    loaded: number;
    replaced: number;
    reversed: number;
  }>(
    `select (select count(*) from temp.${t.input}) as input,
       (select count(*) from temp.${t.input} where member_id is null) as rejected,
       count(*) as loaded, count(*) filter (where version > 1) as replaced,
       count(*) filter (where is_reversed) as reversed
     from temp.${t.fresh}`,
  );
  if (kind === 'medical') await insertMedical(warehouse, batch, `temp.${t.fresh}`);
  else await insertPharmacy(warehouse, batch, `temp.${t.fresh}`);
  await warehouse.run(
    `update ${target} set is_current = (r.rn = 1)
     from (
       select claim_id, version,
         row_number() over (partition by claim_id order by source_updated desc nulls last, version desc) as rn
       from ${target} where claim_id in (select claim_id from temp.${t.held})
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

/** Drops the temp tables of both kinds' merge plans. */
export async function dropClaimPlans(warehouse: Warehouse): Promise<void> {
  for (const kind of ['medical', 'pharmacy'] as const)
    for (const table of Object.values(planTables(kind)))
      await warehouse.run(`drop table if exists temp.${table}`);
}

async function insertMedical(warehouse: Warehouse, batch: ClaimBatch, fresh: string): Promise<void> {
  await warehouse.run(
    `insert into medical_claim (claim_id, version, is_current, is_reversed, member_id, claim_type, setting,
       claim_date, start_date, end_date, admission_type, bill_type, billing_npi, paid_amount, allowed_amount,
       deductible_amount, copay_amount, coinsurance_amount, batch_id, source_updated, content_hash)
     select n.claim_id, n.version, n.is_current, n.is_reversed, n.member_id, s.claim_type, s.setting,
       cast(s.claim_date as date), cast(s.start_date as date), cast(s.end_date as date), s.admission_type,
       s.bill_type, ${providerNpi('s.billing_ref', batch.providerRefs)}, s.paid_amount, s.allowed_amount, s.deductible_amount,
       s.copay_amount, s.coinsurance_amount, $1, cast(n.latest as timestamp), n.content_hash
     from ${fresh} n join temp.stg_med_claim s on s.vkey = n.vkey`,
    [batch.batchId],
  );
  await warehouse.run(
    `insert into medical_claim_line (claim_id, version, line_number, service_date, procedure_code, revenue_code,
       place_of_service, units, rendering_npi, paid_amount)
     select n.claim_id, n.version, l.line_number, cast(l.service_date as date), l.procedure_code, l.revenue_code,
       l.place_of_service, l.units, ${providerNpi('l.rendering_ref', batch.providerRefs)}, l.paid_amount
     from ${fresh} n join temp.stg_med_line l on l.vkey = n.vkey`,
  );
  await warehouse.run(
    `insert into medical_claim_dx (claim_id, version, position, code, is_principal)
     select n.claim_id, n.version, d.position, d.code, d.is_principal
     from ${fresh} n join temp.stg_med_dx d on d.vkey = n.vkey`,
  );
}

async function insertPharmacy(warehouse: Warehouse, batch: ClaimBatch, fresh: string): Promise<void> {
  await warehouse.run(
    `insert into pharmacy_claim (claim_id, version, is_current, is_reversed, member_id, fill_date, ndc, quantity,
       days_supply, prescriber_npi, pharmacy_npi, paid_amount, allowed_amount, deductible_amount, copay_amount,
       coinsurance_amount, batch_id, source_updated, content_hash)
     select n.claim_id, n.version, n.is_current, n.is_reversed, n.member_id, cast(s.fill_date as date), s.ndc,
       s.quantity, s.days_supply, ${providerNpi('s.prescriber_ref', batch.providerRefs)}, ${providerNpi('s.pharmacy_ref', batch.providerRefs)},
       s.paid_amount, s.allowed_amount, s.deductible_amount, s.copay_amount, s.coinsurance_amount, $1,
       cast(n.latest as timestamp), n.content_hash
     from ${fresh} n join temp.stg_rx s on s.vkey = n.vkey`,
    [batch.batchId],
  );
}
