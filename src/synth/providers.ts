import { makeNpi } from '../platform/identifiers/npi.ts';
import { places } from './geography.ts';
import type { Provider, ProviderKind } from './model.ts';
import { familyNames, givenNames } from './names.ts';

export type Specialty =
  | 'family medicine'
  | 'emergency medicine'
  | 'orthopedic surgery'
  | 'general surgery'
  | 'dentistry'
  | 'pain medicine'
  | 'oncology'
  | 'psychiatry'
  | 'addiction medicine'
  | 'hematology';

/** How a place's practitioners divide among specialties (a repeating pattern of 20). */
const specialtyPattern: readonly Specialty[] = [
  'family medicine',
  'family medicine',
  'family medicine',
  'family medicine',
  'family medicine',
  'family medicine',
  'emergency medicine',
  'emergency medicine',
  'emergency medicine',
  'orthopedic surgery',
  'orthopedic surgery',
  'general surgery',
  'dentistry',
  'dentistry',
  'pain medicine',
  'oncology',
  'psychiatry',
  'addiction medicine',
  'hematology',
  'family medicine',
];

type OrganizationKind = Exclude<ProviderKind, 'practitioner'>;

/** Every provider of one place, grouped the way claims pick them. */
export interface PlaceProviders {
  bySpecialty: ReadonlyMap<Specialty, readonly Provider[]>;
  byKind: ReadonlyMap<OrganizationKind, readonly Provider[]>;
}

export interface ProviderDirectory {
  providers: readonly Provider[];
  /** Indexed like `places`. */
  byPlace: readonly PlaceProviders[];
}

const organizationNames: Record<OrganizationKind, (city: string, n: number) => string> = {
  pharmacy: (city, n) => `Sample Pharmacy #${String(n).padStart(4, '0')} (${city})`,
  hospital: (city, n) => `Synthetic General Hospital ${n} (${city})`,
  ambulance: (city, n) => `Demo Ambulance Service ${n} (${city})`,
  lab: (city, n) => `Example Clinical Lab ${n} (${city})`,
  otp: (city, n) => `Placeholder Opioid Treatment Program ${n} (${city})`,
  hospice: (city, n) => `Fictional Hospice ${n} (${city})`,
};

/**
 * Builds the provider directory, sized to the population so a million members
 * do not share a handful of doctors. NPIs are valid (Luhn) and sequential from
 * a fixed base, so the same size gives the same directory.
 */
export function buildProviderDirectory(members: number): ProviderDirectory {
  const perPlace = (ratio: number, min: number) => Math.max(min, Math.ceil(members / places.length / ratio));
  const counts: Record<OrganizationKind, number> = {
    pharmacy: perPlace(700, 5),
    hospital: perPlace(30_000, 1),
    ambulance: perPlace(60_000, 1),
    lab: perPlace(60_000, 1),
    otp: perPlace(60_000, 1),
    hospice: perPlace(100_000, 1),
  };
  const practitionerCount = perPlace(70, 20);
  const providers: Provider[] = [];
  const byPlace: PlaceProviders[] = [];
  let nextBase = 150_000_000;
  let orgSerial = 0;
  places.forEach((place, placeIndex) => {
    const address = (n: number) => ({
      addressLine: `${100 + (n % 800)} Example Ave`,
      city: place.city,
      state: place.state,
      zip: place.zips[n % place.zips.length] ?? place.zips[0] ?? '',
    });
    const bySpecialty = new Map<Specialty, Provider[]>();
    for (let i = 0; i < practitionerCount; i++) {
      const specialty = specialtyPattern[i % specialtyPattern.length] ?? 'family medicine';
      const names = i % 2 === 0 ? givenNames.female : givenNames.male;
      const provider: Provider = {
        npi: makeNpi(nextBase++),
        kind: 'practitioner',
        given: names[(i * 7 + placeIndex) % names.length] ?? 'Avery',
        family: familyNames[(i * 13 + placeIndex * 5) % familyNames.length] ?? 'Sampleson',
        specialty,
        ...address(i),
      };
      providers.push(provider);
      const list = bySpecialty.get(specialty) ?? [];
      list.push(provider);
      bySpecialty.set(specialty, list);
    }
    const byKind = new Map<OrganizationKind, Provider[]>();
    for (const kind of Object.keys(counts) as OrganizationKind[]) {
      const list: Provider[] = [];
      for (let i = 0; i < counts[kind]; i++) {
        orgSerial++;
        list.push({
          npi: makeNpi(nextBase++),
          kind,
          given: null,
          family: organizationNames[kind](place.city, kind === 'pharmacy' ? orgSerial : i + 1),
          specialty: null,
          ...address(i + 400),
        });
      }
      providers.push(...list);
      byKind.set(kind, list);
    }
    byPlace.push({ bySpecialty, byKind });
  });
  return { providers, byPlace };
}
