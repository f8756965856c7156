import { addDays } from '../../platform/calendar/iso-days.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { L90Fill, PrescriberVolume } from './letter-types.ts';

/** L90 = [D−89, D] (RISK-RULES §1). */
function l90(asOf: string): [string, string] {
  return [addDays(asOf, -89), asOf];
}

// A claim counts only in its final state; buprenorphine in any form is MOUD, never an opioid
// analgesic (RISK-RULES §1, §4).
const classedFills = `
  current_fill as (
    select claim_id, member_id, fill_date, ndc, days_supply, prescriber_npi
    from pharmacy_claim
    where is_current and not is_reversed and fill_date between $1 and $2
  ),
  classed_fill as (
    select f.*, case when d.ingredient = 'buprenorphine' then 'buprenorphine' else d.drug_class end as drug_class
    from current_fill f join drug d on d.ndc = f.ndc
  )`;

/** Every opioid or benzodiazepine fill in L90 that names a prescriber: who prescribed what for whom. */
export async function readL90ControlledFills(warehouse: Warehouse, asOf: string): Promise<L90Fill[]> {
  const rows = await warehouse.all<{
    member_id: string;
    prescriber_npi: string;
    claim_id: string;
    fill_date: string;
    drug_class: 'opioid_analgesic' | 'benzodiazepine';
  }>(
    `with ${classedFills}
     select member_id, prescriber_npi, claim_id, fill_date, drug_class from classed_fill
     where drug_class in ('opioid_analgesic', 'benzodiazepine') and prescriber_npi is not null and prescriber_npi <> ''
     order by member_id, prescriber_npi, fill_date, claim_id`,
    l90(asOf),
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    prescriberNpi: r.prescriber_npi,
    claimId: r.claim_id,
    fillDate: r.fill_date,
    drugClass: r.drug_class,
  }));
}

/** Each prescriber's own opioid volume in L90: fills, distinct members, days supply. */
export async function readPrescriberVolumes(
  warehouse: Warehouse,
  asOf: string,
): Promise<Map<string, Omit<PrescriberVolume, 'highRiskPatients'>>> {
  const rows = await warehouse.all<{ npi: string; fills: number; patients: number; days_supply: number }>(
    `with ${classedFills}
     select prescriber_npi as npi, count(*) as fills, count(distinct member_id) as patients,
            sum(days_supply) as days_supply
     from classed_fill
     where drug_class = 'opioid_analgesic' and prescriber_npi is not null
     group by prescriber_npi`,
    l90(asOf),
  );
  return new Map(
    rows.map((r) => [
      r.npi,
      {
        npi: r.npi,
        opioidFills: Number(r.fills),
        opioidPatients: Number(r.patients),
        opioidDaysSupply: Number(r.days_supply),
      },
    ]),
  );
}

/** Names of providers by NPI, where the warehouse knows them. */
export async function readProviderNames(warehouse: Warehouse): Promise<Map<string, string>> {
  const rows = await warehouse.all<{ npi: string; name: string }>(
    'select npi, name from provider where name is not null',
  );
  return new Map(rows.map((r) => [r.npi, r.name]));
}

/** Name and birth date of the members asked for (minimum necessary to identify a patient). */
export async function readMemberIdentities(
  warehouse: Warehouse,
  memberIds: readonly string[],
): Promise<Map<string, { name: string; birthDate: string | null }>> {
  const out = new Map<string, { name: string; birthDate: string | null }>();
  const wanted = new Set(memberIds);
  if (wanted.size === 0) return out;
  const rows = await warehouse.all<{
    member_id: string;
    first_name: string | null;
    last_name: string | null;
    birth_date: string | null;
  }>('select member_id, first_name, last_name, birth_date from member');
  for (const r of rows) {
    if (!wanted.has(r.member_id)) continue;
    const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || `Member ${r.member_id}`;
    out.set(r.member_id, { name, birthDate: r.birth_date });
  }
  return out;
}

/** Claim ids labeled Part 2 (42 CFR Part 2) in `claim_label`. */
export async function readPart2ClaimIds(warehouse: Warehouse): Promise<Set<string>> {
  const rows = await warehouse.all<{ claim_id: string }>(
    `select claim_id from claim_label where label = 'part2'`,
  );
  return new Set(rows.map((r) => r.claim_id));
}
