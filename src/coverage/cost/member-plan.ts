import type { Warehouse } from '../../platform/warehouse/warehouse.ts';

export interface MemberEnrollment {
  planId: string;
  planType: string | null;
  lineOfBusiness: string;
  startDate: string;
  endDate: string | null;
}

/** The member's enrollment covering `asOf` (the latest-starting one if several), or null. */
export async function findMemberEnrollment(
  warehouse: Warehouse,
  memberId: string,
  asOf: string,
): Promise<MemberEnrollment | null> {
  const [row] = await warehouse.all<MemberEnrollment & Record<string, unknown>>(
    `select plan_id as "planId", plan_type as "planType", line_of_business as "lineOfBusiness",
            start_date as "startDate", end_date as "endDate"
     from enrollment
     where member_id = $1 and plan_id <> '' and start_date <= cast($2 as date)
       and (end_date is null or end_date >= cast($2 as date))
     order by start_date desc limit 1`,
    [memberId, asOf],
  );
  return row ?? null;
}

/** Where the member lives, for the market and the nearest care. */
export async function readMemberAddress(
  warehouse: Warehouse,
  memberId: string,
): Promise<{ zip: string | null; state: string | null; county: string | null } | undefined> {
  const [address] = await warehouse.all<{ zip: string | null; state: string | null; county: string | null }>(
    'select zip, state, county_fips as county from member where member_id = $1',
    [memberId],
  );
  return address;
}
