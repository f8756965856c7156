import { makeNpi } from '../../platform/identifiers/npi.ts';
import type { FocusMarket } from '../../reference/index.ts';
import {
  type CareService,
  type CareType,
  type DirectoryEntry,
  directoryEntrySchema,
} from '../network/network-schema.ts';
import { demoPlanIds } from './demo-plans.ts';

/**
 * A fictional care network across the eight focus markets: every name here is
 * invented, phone numbers are in the 555-01xx range reserved for fiction, and
 * NPIs are valid in form (Luhn check digit) but belong to no one.
 */
// biome-ignore format: one market per line reads as a table
const sites: ReadonlyArray<{ market: FocusMarket; city: string; state: string; zips: readonly string[]; area: string; street: string; extra: string }> = [
  { market: 'CT', city: 'Hartford', state: 'CT', zips: ['06103', '06106', '06112'], area: '860', street: 'Asylum Ave', extra: 'Portuguese' },
  { market: 'MD', city: 'Baltimore', state: 'MD', zips: ['21201', '21205', '21224'], area: '410', street: 'Eutaw St', extra: 'Korean' },
  { market: 'NJ', city: 'Newark', state: 'NJ', zips: ['07102', '07104', '07108'], area: '973', street: 'Broad St', extra: 'Portuguese' },
  { market: 'VA', city: 'Richmond', state: 'VA', zips: ['23219', '23220', '23223'], area: '804', street: 'Grace St', extra: 'Vietnamese' },
  { market: 'CHICAGO', city: 'Chicago', state: 'IL', zips: ['60608', '60623', '60647'], area: '312', street: 'Halsted St', extra: 'Polish' },
  { market: 'NYC', city: 'Brooklyn', state: 'NY', zips: ['11201', '11212', '11226'], area: '718', street: 'Flatbush Ave', extra: 'Haitian Creole' },
  { market: 'PHILADELPHIA', city: 'Philadelphia', state: 'PA', zips: ['19104', '19124', '19134'], area: '215', street: 'Girard Ave', extra: 'Mandarin' },
  { market: 'DC', city: 'Washington', state: 'DC', zips: ['20001', '20009', '20019'], area: '202', street: 'Georgia Ave NW', extra: 'Amharic' },
];

const therapy: CareService[] = ['individual-therapy', 'group-therapy', 'family-therapy'];

/** Per market: what each site offers and which demo plans have it in network (the rest: out). */
// biome-ignore format: one offering per line reads as a table
const offerings: ReadonlyArray<{ name: string; kind: 'facility' | 'clinician'; type: CareType; services: CareService[]; inNetworkFor: 'all' | 'ppo-only' | 'none'; rate: [number, number]; accepting: boolean }> = [
  { name: 'Lanternway Ambulatory Detox', kind: 'facility', type: 'ambulatory-detox', services: [...therapy, 'buprenorphine', 'naltrexone', 'benzodiazepine-taper'], inNetworkFor: 'all', rate: [300, 420], accepting: true },
  { name: 'Quillstone Withdrawal Clinic', kind: 'facility', type: 'ambulatory-detox', services: ['individual-therapy', 'buprenorphine', 'benzodiazepine-taper'], inNetworkFor: 'none', rate: [320, 480], accepting: true },
  { name: 'Maplethread Intensive Outpatient', kind: 'facility', type: 'intensive-outpatient', services: [...therapy, 'naltrexone'], inNetworkFor: 'all', rate: [250, 340], accepting: true },
  { name: 'Fernlight Outpatient Recovery', kind: 'facility', type: 'outpatient-rehab', services: [...therapy], inNetworkFor: 'ppo-only', rate: [140, 190], accepting: false },
  { name: 'Cobalt Harbor Opioid Treatment Program', kind: 'facility', type: 'opioid-treatment-program', services: ['methadone', 'buprenorphine', 'individual-therapy', 'group-therapy'], inNetworkFor: 'all', rate: [120, 150], accepting: true },
  { name: 'Wren Alder, MD (addiction medicine)', kind: 'clinician', type: 'moud-prescriber', services: ['buprenorphine', 'naltrexone', 'individual-therapy'], inNetworkFor: 'all', rate: [180, 240], accepting: true },
  { name: 'Tamsin Okonkwo-Reyes, NP', kind: 'clinician', type: 'moud-prescriber', services: ['buprenorphine', 'benzodiazepine-taper'], inNetworkFor: 'ppo-only', rate: [160, 220], accepting: true },
];

const statusFor = (rule: 'all' | 'ppo-only' | 'none'): Record<string, 'in' | 'out'> =>
  Object.fromEntries(
    demoPlanIds.map((id) => [
      id,
      rule === 'all' || (rule === 'ppo-only' && id.includes('PPO')) ? 'in' : 'out',
    ]),
  );

/** The demo's detox facility (Lanternway Ambulatory Detox — Baltimore, NPI 2981000070): give the demo facility user this NPI as organization. */
export const demoFacilityId = 'net-md-1';

/** Builds the demo directory: 7 places of care in each market and 2 virtual services across markets. */
export function buildDemoNetwork(): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  let base = 298_100_000;
  sites.forEach((site, s) => {
    offerings.forEach((offer, o) => {
      const n = entries.length;
      entries.push({
        id: `net-${site.market.toLowerCase()}-${o + 1}`,
        npi: makeNpi(base++),
        name:
          offer.kind === 'facility'
            ? `${offer.name} — ${site.city}`
            : offer.name.replace(',', ` (${site.city}),`),
        kind: offer.kind,
        type: offer.type,
        services: offer.services,
        address: {
          line: `${100 + (((s * 7 + o) * 37) % 900)} ${site.street}`,
          city: site.city,
          state: site.state,
          zip: site.zips[o % site.zips.length] as string,
        },
        markets: [site.market],
        phone: `${site.area}-555-01${String(n % 100).padStart(2, '0')}`,
        network: statusFor(offer.inNetworkFor),
        acceptingNewPatients: offer.accepting,
        languages: o % 2 === 0 ? ['English', 'Spanish', site.extra] : ['English'],
        rates: { main: { allowedPerUnit: offer.rate[0], billedPerUnit: offer.rate[1] } },
      });
    });
  });
  const allMarkets = sites.map((s) => s.market);
  for (const [i, name] of ['Brightkeel Virtual Recovery', 'Sundial Telehealth Behavioral Care'].entries())
    entries.push({
      id: `net-virtual-${i + 1}`,
      npi: makeNpi(base++),
      name,
      kind: 'facility',
      type: 'virtual-behavioral-care',
      services:
        i === 0
          ? ['individual-therapy', 'group-therapy', 'buprenorphine']
          : ['individual-therapy', 'family-therapy', 'naltrexone'],
      address: { line: `${500 + i} Market St`, city: 'Philadelphia', state: 'PA', zip: '19104' },
      markets: i === 0 ? allMarkets : allMarkets.filter((m) => m !== 'CHICAGO'),
      phone: `800-555-01${90 + i}`,
      network: statusFor('all'),
      acceptingNewPatients: true,
      languages: ['English', 'Spanish'],
      rates: { main: { allowedPerUnit: 110, billedPerUnit: 140 } },
    });
  return entries.map((e) => directoryEntrySchema.parse(e));
}
