import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { DetoxEpisode } from './demo-detox-episodes.ts';

/** What a facility would put on an episode's request that the claim itself knows. */
export interface EpisodeContext {
  /** The member's plan on the first day, or null when not enrolled then. */
  planId: string | null;
  facilityName: string | null;
  diagnosisCodes: string[];
}

/** Reads the member's plan on the episode's first day, the billing facility's name and the claim's diagnoses. */
export async function readEpisodeContext(
  warehouse: Warehouse,
  episode: DetoxEpisode,
): Promise<EpisodeContext> {
  const [plan] = await warehouse.all<{ plan_id: string }>(
    `with enrolled as (
       select plan_id, start_date from enrollment
       where member_id = $1 and start_date <= cast($2 as date)
         and (end_date is null or end_date >= cast($2 as date)) and plan_id <> ''
     )
     select plan_id from enrolled order by start_date desc, plan_id limit 1`,
    [episode.memberId, episode.startDate],
  );
  const [facility] = await warehouse.all<{ name: string | null }>(
    'select name from provider where npi = $1',
    [episode.billingNpi],
  );
  const dx = await warehouse.all<{ code: string }>(
    `with current_claim as (
       select claim_id, version from medical_claim where claim_id = $1 and is_current
     )
     select d.code from medical_claim_dx d join current_claim c using (claim_id, version)
     order by d.position`,
    [episode.claimId],
  );
  return {
    planId: plan?.plan_id ?? null,
    facilityName: facility?.name ?? null,
    diagnosisCodes: dx.map((d) => d.code),
  };
}
