import type { SqlParam, Warehouse } from '../../platform/warehouse/warehouse.ts';
import { part2ClaimFilter } from '../../privacy/index.ts';

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

/** `$n, $n+1, …` placeholders for a list of member ids, pushed onto `params`. */
function idList(params: SqlParam[], ids: readonly string[]): string {
  return ids.map((id) => `$${params.push(id)}`).join(', ');
}

/** Groups rows by member id, keeping their order. */
function byMember<T extends { member_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(r.member_id);
    if (list) list.push(r);
    else groups.set(r.member_id, [r]);
  }
  return groups;
}

/** The member's demographics, or null when the warehouse has no such member. */
export async function readMemberProfile(w: Warehouse, memberId: string): Promise<MemberProfile | null> {
  return (await readMemberProfiles(w, [memberId])).get(memberId) ?? null;
}

/** Demographics of several members with one query; members the warehouse lacks are absent. */
export async function readMemberProfiles(
  w: Warehouse,
  memberIds: readonly string[],
): Promise<Map<string, MemberProfile>> {
  const params: SqlParam[] = [];
  const rows = await w.all<Record<string, string | null>>(
    `select member_id, first_name, last_name, cast(birth_date as varchar) as birth_date, gender, phone,
            address_line, city, state, zip
     from member where member_id in (${idList(params, memberIds)})`,
    params,
  );
  return new Map(
    rows.map((r) => [
      String(r.member_id),
      {
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
      },
    ]),
  );
}

/** Every enrollment span, latest first. */
export async function readCoverage(w: Warehouse, memberId: string): Promise<CoverageSpan[]> {
  return (await readCoverages(w, [memberId])).get(memberId) ?? [];
}

/** Every enrollment span of several members (latest first), with one query. */
export async function readCoverages(
  w: Warehouse,
  memberIds: readonly string[],
): Promise<Map<string, CoverageSpan[]>> {
  const params: SqlParam[] = [];
  const rows = await w.all<{
    member_id: string;
    start_date: string;
    end_date: string | null;
    line_of_business: string;
    plan_type: string | null;
    plan_id: string;
    payer: string | null;
  }>(
    `select member_id, cast(start_date as varchar) as start_date, cast(end_date as varchar) as end_date,
            line_of_business, plan_type, plan_id, payer
     from enrollment where member_id in (${idList(params, memberIds)}) order by member_id, start_date desc`,
    params,
  );
  const groups = byMember(rows);
  return new Map(
    memberIds.map((id) => [
      id,
      (groups.get(id) ?? []).map((r) => ({
        startDate: r.start_date,
        endDate: r.end_date,
        lineOfBusiness: r.line_of_business,
        planType: r.plan_type,
        planId: r.plan_id,
        payer: r.payer,
      })),
    ]),
  );
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
  return (await readClaimsTimelines(w, [memberId], from, to, includePart2)).get(memberId) ?? [];
}

/** `readClaimsTimeline` for several members with one query per claim kind. */
export async function readClaimsTimelines(
  w: Warehouse,
  memberIds: readonly string[],
  from: string,
  to: string,
  includePart2: boolean,
): Promise<Map<string, TimelineEntry[]>> {
  const medicalFilter = includePart2 ? 'true' : part2ClaimFilter('c', 'medical', null);
  const pharmacyFilter = includePart2 ? 'true' : part2ClaimFilter('p', 'pharmacy', null);
  const medicalParams: SqlParam[] = [from, to];
  const medical = await w.all<{
    member_id: string;
    claim_id: string;
    d: string;
    label: string;
    codes: string | null;
    part2: boolean;
  }>(
    `with claims as (
       select c.member_id, c.claim_id, c.version, c.claim_date, c.claim_type, c.setting from medical_claim c
       where c.member_id in (${idList(medicalParams, memberIds)}) and c.is_current and not c.is_reversed
         and c.claim_date between cast($1 as date) and cast($2 as date) and ${medicalFilter}
     )
     select c.member_id, c.claim_id, cast(c.claim_date as varchar) as d,
            c.claim_type || coalesce('-' || c.setting, '') as label,
            (select string_agg(x.code, ',' order by x.position) from medical_claim_dx x
              where x.claim_id = c.claim_id and x.version = c.version) as codes,
            exists (select 1 from claim_label l where l.claim_kind = 'medical' and l.claim_id = c.claim_id and l.label = 'part2') as part2
     from claims c order by c.member_id, c.claim_date desc, c.claim_id`,
    medicalParams,
  );
  const pharmacyParams: SqlParam[] = [from, to];
  const pharmacy = await w.all<{
    member_id: string;
    claim_id: string;
    d: string;
    ndc: string;
    name: string | null;
    prescriber_npi: string | null;
    days_supply: number;
    part2: boolean;
  }>(
    `select p.member_id, p.claim_id, cast(p.fill_date as varchar) as d, p.ndc, g.name, p.prescriber_npi, p.days_supply,
            exists (select 1 from claim_label l where l.claim_kind = 'pharmacy' and l.claim_id = p.claim_id and l.label = 'part2') as part2
     from pharmacy_claim p left join drug g on g.ndc = p.ndc
     where p.member_id in (${idList(pharmacyParams, memberIds)}) and p.is_current and not p.is_reversed
       and p.fill_date between cast($1 as date) and cast($2 as date) and ${pharmacyFilter}
     order by p.member_id, p.fill_date desc, p.claim_id`,
    pharmacyParams,
  );
  const medicalOf = byMember(medical);
  const pharmacyOf = byMember(pharmacy);
  const timelines = new Map<string, TimelineEntry[]>();
  for (const id of memberIds) {
    const entries: TimelineEntry[] = [
      ...(medicalOf.get(id) ?? []).map((m) => ({
        kind: 'medical' as const,
        claimId: m.claim_id,
        date: m.d,
        label: m.label,
        codes: m.codes ? m.codes.split(',') : [],
        prescriberNpi: null,
        daysSupply: null,
        part2: Boolean(m.part2),
      })),
      ...(pharmacyOf.get(id) ?? []).map((p) => ({
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
    timelines.set(
      id,
      entries.sort((a, b) =>
        a.date < b.date ? 1 : a.date > b.date ? -1 : a.claimId.localeCompare(b.claimId),
      ),
    );
  }
  return timelines;
}
