import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { part2ClaimFilter } from '../../privacy/part2-filter.ts';

export interface MemberProfile {
  memberId: string;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  gender: string | null;
  phone: string | null;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export interface CoverageSpan {
  startDate: string;
  endDate: string | null;
  lineOfBusiness: string;
  planType: string | null;
  planId: string;
  payer: string | null;
}

export interface TimelineEntry {
  kind: 'medical' | 'pharmacy';
  claimId: string;
  date: string;
  /** professional / institutional-inpatient / … or the drug name. */
  label: string;
  codes: string[];
  prescriberNpi: string | null;
  daysSupply: number | null;
  /** Reveals a substance-use disorder (42 CFR Part 2): shown only to whom the grant allows, never re-disclosed. */
  part2: boolean;
}

/** The member's demographics, or null when the warehouse has no such member. */
export async function readMemberProfile(w: Warehouse, memberId: string): Promise<MemberProfile | null> {
  const [r] = await w.all<Record<string, string | null>>(
    `select member_id, first_name, last_name, cast(birth_date as varchar) as birth_date, gender, phone,
            address_line, city, state, zip
     from member where member_id = $1`,
    [memberId],
  );
  if (!r) return null;
  return {
    memberId: String(r.member_id),
    firstName: r.first_name ?? null,
    lastName: r.last_name ?? null,
    birthDate: r.birth_date ?? null,
    gender: r.gender ?? null,
    phone: r.phone ?? null,
    addressLine: r.address_line ?? null,
    city: r.city ?? null,
    state: r.state ?? null,
    zip: r.zip ?? null,
  };
}

/** Every enrollment span, latest first. */
export async function readCoverage(w: Warehouse, memberId: string): Promise<CoverageSpan[]> {
  const rows = await w.all<{
    start_date: string;
    end_date: string | null;
    line_of_business: string;
    plan_type: string | null;
    plan_id: string;
    payer: string | null;
  }>(
    `select cast(start_date as varchar) as start_date, cast(end_date as varchar) as end_date, line_of_business,
            plan_type, plan_id, payer
     from enrollment where member_id = $1 order by start_date desc`,
    [memberId],
  );
  return rows.map((r) => ({
    startDate: r.start_date,
    endDate: r.end_date,
    lineOfBusiness: r.line_of_business,
    planType: r.plan_type,
    planId: r.plan_id,
    payer: r.payer,
  }));
}

/**
 * Current, unreversed claims between two dates, newest first. Without `includePart2`
 * the labeled claims are left out in the query itself.
 */
export async function readClaimsTimeline(
  w: Warehouse,
  memberId: string,
  from: string,
  to: string,
  includePart2: boolean,
): Promise<TimelineEntry[]> {
  const medicalFilter = includePart2 ? 'true' : part2ClaimFilter('c', 'medical', null);
  const pharmacyFilter = includePart2 ? 'true' : part2ClaimFilter('p', 'pharmacy', null);
  const medical = await w.all<{
    claim_id: string;
    d: string;
    label: string;
    codes: string | null;
    part2: boolean;
  }>(
    `with claims as (
       select c.claim_id, c.version, c.claim_date, c.claim_type, c.setting from medical_claim c
       where c.member_id = $1 and c.is_current and not c.is_reversed
         and c.claim_date between cast($2 as date) and cast($3 as date) and ${medicalFilter}
     )
     select c.claim_id, cast(c.claim_date as varchar) as d,
            c.claim_type || coalesce('-' || c.setting, '') as label,
            (select string_agg(x.code, ',' order by x.position) from medical_claim_dx x
              where x.claim_id = c.claim_id and x.version = c.version) as codes,
            exists (select 1 from claim_label l where l.claim_kind = 'medical' and l.claim_id = c.claim_id and l.label = 'part2') as part2
     from claims c order by c.claim_date desc, c.claim_id`,
    [memberId, from, to],
  );
  const pharmacy = await w.all<{
    claim_id: string;
    d: string;
    ndc: string;
    name: string | null;
    prescriber_npi: string | null;
    days_supply: number;
    part2: boolean;
  }>(
    `select p.claim_id, cast(p.fill_date as varchar) as d, p.ndc, g.name, p.prescriber_npi, p.days_supply,
            exists (select 1 from claim_label l where l.claim_kind = 'pharmacy' and l.claim_id = p.claim_id and l.label = 'part2') as part2
     from pharmacy_claim p left join drug g on g.ndc = p.ndc
     where p.member_id = $1 and p.is_current and not p.is_reversed
       and p.fill_date between cast($2 as date) and cast($3 as date) and ${pharmacyFilter}
     order by p.fill_date desc, p.claim_id`,
    [memberId, from, to],
  );
  const entries: TimelineEntry[] = [
    ...medical.map((m) => ({
      kind: 'medical' as const,
      claimId: m.claim_id,
      date: m.d,
      label: m.label,
      codes: m.codes ? m.codes.split(',') : [],
      prescriberNpi: null,
      daysSupply: null,
      part2: Boolean(m.part2),
    })),
    ...pharmacy.map((p) => ({
      kind: 'pharmacy' as const,
      claimId: p.claim_id,
      date: p.d,
      label: p.name ?? `NDC ${p.ndc}`,
      codes: [p.ndc],
      prescriberNpi: p.prescriber_npi,
      daysSupply: Number(p.days_supply),
      part2: Boolean(p.part2),
    })),
  ];
  return entries.sort((a, b) =>
    a.date < b.date ? 1 : a.date > b.date ? -1 : a.claimId.localeCompare(b.claimId),
  );
}
