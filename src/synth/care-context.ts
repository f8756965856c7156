import type { Market } from '../reference/index.ts';
import type { ClaimBuilder } from './claim-builder.ts';
import type { ProgramEffect, Provider } from './model.ts';
import type { Random } from './prng.ts';
import type { Profile } from './profile.ts';
import type { PlaceProviders, ProviderDirectory, Specialty } from './providers.ts';

/** What every care pattern works with for one member. */
export interface CareContext {
  builder: ClaimBuilder;
  random: Random;
  age: number;
  profile: Profile;
  directory: ProviderDirectory;
  local: PlaceProviders;
  pcp: Provider;
  pharmacy: Provider;
  hospital: Provider;
  windowStart: number;
  asOf: number;
  /** The member's market (RISK-RULES §2), from the address drawn. */
  market: Market;
  /** A modelled program effect, when the run asks for one (off by default). */
  program?: ProgramEffect | undefined;
}

/** A practitioner of a specialty near the member (falls back to family medicine). */
export function localPractitioner(ctx: CareContext, specialty: Specialty): Provider {
  const list = ctx.local.bySpecialty.get(specialty) ?? ctx.local.bySpecialty.get('family medicine') ?? [];
  return ctx.random.pick(list);
}

/** An organization of a kind near the member. */
export function localOrganization(
  ctx: CareContext,
  kind: 'pharmacy' | 'hospital' | 'ambulance' | 'lab' | 'otp' | 'hospice',
): Provider {
  return ctx.random.pick(ctx.local.byKind.get(kind) ?? []);
}

/** A provider of a kind anywhere in the directory's places (doctor and pharmacy shopping cross town lines). */
export function anyPlaceProvider(ctx: CareContext, specialty: Specialty | 'pharmacy'): Provider {
  const place = ctx.random.pick(ctx.directory.byPlace);
  const list = specialty === 'pharmacy' ? place.byKind.get('pharmacy') : place.bySpecialty.get(specialty);
  return ctx.random.pick(list ?? []);
}
