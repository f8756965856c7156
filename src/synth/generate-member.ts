import { laterCopies } from './adjustments.ts';
import { buildMember } from './build-member.ts';
import type { CareContext } from './care-context.ts';
import { ClaimBuilder } from './claim-builder.ts';
import type { Claim, Member, ProgramEffect } from './model.ts';
import { addEverydayEmergencies } from './patterns/emergencies.ts';
import {
  addAcuteOpioids,
  addBenzoAlone,
  addChronicOpioids,
  addShopping,
  addSubacuteOpioids,
} from './patterns/opioid-fills.ts';
import { addOverdoses, programLane } from './patterns/overdoses.ts';
import { addRoutineCare } from './patterns/routine-care.ts';
import { addCancer, addHospice, addNearMissCodes, addSickleCell } from './patterns/serious-illness.ts';
import { addOpioidUseDisorder, addOtherSubstanceUse } from './patterns/substance-use.ts';
import { addWithdrawalManagement, withdrawalManagementLane } from './patterns/withdrawal-management.ts';
import { createRandom } from './prng.ts';
import { drawProfile, type Profile } from './profile.ts';
import type { ProviderDirectory } from './providers.ts';

export interface MemberRecords {
  member: Member;
  profile: Profile;
  /** Originals in service order, then their later copies (adjustments and reversals). */
  claims: Claim[];
}

export interface MemberSettings {
  seed: number;
  windowStart: number;
  asOf: number;
  enrichment: number;
  directory: ProviderDirectory;
  program?: ProgramEffect | undefined;
}

/**
 * Generates one member and all of their claims. Each member draws from its own
 * random stream (seed, member number), so a member's data does not depend on
 * how many members come before it.
 */
export function generateMember(seq: number, settings: MemberSettings): MemberRecords {
  const random = createRandom(settings.seed, seq);
  const { windowStart, asOf, directory } = settings;
  const { member, placeIndex, age } = buildMember(random, seq, windowStart, asOf);
  const profile = drawProfile(random, age, settings.enrichment, windowStart, asOf);
  const local = directory.byPlace[placeIndex];
  if (!local) throw new Error(`no providers for place ${placeIndex}`);
  const builder = new ClaimBuilder(member, random, windowStart, asOf);
  const family = local.bySpecialty.get('family medicine') ?? [];
  const ctx: CareContext = {
    builder,
    random,
    age,
    profile,
    directory,
    local,
    pcp: random.pick(family),
    pharmacy: random.pick(local.byKind.get('pharmacy') ?? []),
    hospital: random.pick(local.byKind.get('hospital') ?? []),
    windowStart,
    asOf,
    market: member.market,
    program: settings.program,
  };
  addRoutineCare(ctx);
  addEverydayEmergencies(ctx);
  addNearMissCodes(ctx);
  if (profile.acuteEpisodes > 0) addAcuteOpioids(ctx);
  if (profile.subacute) addSubacuteOpioids(ctx);
  if (profile.chronic) addChronicOpioids(ctx);
  if (profile.benzo === 'alone') addBenzoAlone(ctx);
  if (profile.shopper) addShopping(ctx);
  if (profile.oud) addOpioidUseDisorder(ctx);
  if (profile.otherSud) addOtherSubstanceUse(ctx);
  if (profile.cancer) addCancer(ctx);
  if (profile.sickleCell) addSickleCell(ctx);
  // Last: these can end the member's claims (a fatal-looking overdose, a hospice stay).
  if (profile.hospice) addHospice(ctx);
  const overdoseDays = addOverdoses(ctx, createRandom(settings.seed, seq, programLane));
  // After the rest and on its own lane: the pattern came later and leaves the other draws as they were.
  if (profile.oud)
    addWithdrawalManagement(ctx, overdoseDays, createRandom(settings.seed, seq, withdrawalManagementLane));
  const claims: Claim[] = builder.finish();
  return { member, profile, claims: [...claims, ...laterCopies(claims, (c) => builder.streamOf(c), asOf)] };
}
