import type { Market } from '../reference/index.ts';

/**
 * Real places for synthetic addresses: county FIPS, a city and ZIP codes that
 * lie in it. Markets follow RISK-RULES §2; the "other" places include traps a
 * market rule must get right (Westchester's ZIPs look like New York's, Delaware
 * County PA's 190xx ZIPs sit next to Philadelphia's 191xx).
 */
export interface Place {
  market: Market;
  state: string;
  countyFips: string;
  city: string;
  zips: readonly string[];
  /** Telephone area code, for the 555-01xx fictional numbers. */
  areaCode: string;
}

// biome-ignore format: one place per line reads as a table
export const places: readonly Place[] = [
  { market: 'NYC', state: 'NY', countyFips: '36005', city: 'Bronx', zips: ['10451', '10456', '10458', '10467', '10472'], areaCode: '718' },
  { market: 'NYC', state: 'NY', countyFips: '36047', city: 'Brooklyn', zips: ['11201', '11207', '11212', '11226', '11235'], areaCode: '718' },
  { market: 'NYC', state: 'NY', countyFips: '36061', city: 'New York', zips: ['10002', '10025', '10029', '10032', '10128'], areaCode: '212' },
  { market: 'NYC', state: 'NY', countyFips: '36081', city: 'Jamaica', zips: ['11432', '11434', '11435'], areaCode: '718' },
  { market: 'NYC', state: 'NY', countyFips: '36081', city: 'Far Rockaway', zips: ['11691', '11692'], areaCode: '718' },
  { market: 'NYC', state: 'NY', countyFips: '36081', city: 'Flushing', zips: ['11354', '11355', '11358'], areaCode: '718' },
  { market: 'NYC', state: 'NY', countyFips: '36085', city: 'Staten Island', zips: ['10301', '10304', '10314'], areaCode: '718' },
  { market: 'CHICAGO', state: 'IL', countyFips: '17031', city: 'Chicago', zips: ['60608', '60614', '60623', '60629', '60647'], areaCode: '312' },
  { market: 'PHILADELPHIA', state: 'PA', countyFips: '42101', city: 'Philadelphia', zips: ['19104', '19120', '19124', '19134', '19143'], areaCode: '215' },
  { market: 'DC', state: 'DC', countyFips: '11001', city: 'Washington', zips: ['20001', '20002', '20009', '20019', '20032'], areaCode: '202' },
  { market: 'CT', state: 'CT', countyFips: '09003', city: 'Hartford', zips: ['06103', '06106', '06112'], areaCode: '860' },
  { market: 'CT', state: 'CT', countyFips: '09009', city: 'New Haven', zips: ['06510', '06511', '06513'], areaCode: '203' },
  { market: 'CT', state: 'CT', countyFips: '09001', city: 'Bridgeport', zips: ['06604', '06605', '06606'], areaCode: '203' },
  { market: 'MD', state: 'MD', countyFips: '24510', city: 'Baltimore', zips: ['21201', '21205', '21215', '21224'], areaCode: '410' },
  { market: 'MD', state: 'MD', countyFips: '24031', city: 'Silver Spring', zips: ['20901', '20902', '20904'], areaCode: '301' },
  { market: 'MD', state: 'MD', countyFips: '24033', city: 'Hyattsville', zips: ['20782', '20783', '20784'], areaCode: '301' },
  { market: 'NJ', state: 'NJ', countyFips: '34013', city: 'Newark', zips: ['07102', '07104', '07106', '07108'], areaCode: '973' },
  { market: 'NJ', state: 'NJ', countyFips: '34017', city: 'Jersey City', zips: ['07302', '07304', '07306'], areaCode: '201' },
  { market: 'NJ', state: 'NJ', countyFips: '34007', city: 'Camden', zips: ['08102', '08103', '08105'], areaCode: '856' },
  { market: 'NJ', state: 'NJ', countyFips: '34023', city: 'New Brunswick', zips: ['08901', '08902'], areaCode: '732' },
  { market: 'VA', state: 'VA', countyFips: '51059', city: 'Fairfax', zips: ['22030', '22031', '22032'], areaCode: '703' },
  { market: 'VA', state: 'VA', countyFips: '51013', city: 'Arlington', zips: ['22201', '22203', '22204'], areaCode: '703' },
  { market: 'VA', state: 'VA', countyFips: '51760', city: 'Richmond', zips: ['23219', '23220', '23223'], areaCode: '804' },
  { market: 'VA', state: 'VA', countyFips: '51810', city: 'Virginia Beach', zips: ['23451', '23452', '23456'], areaCode: '757' },
  { market: 'other', state: 'NY', countyFips: '36119', city: 'Yonkers', zips: ['10701', '10703', '10705'], areaCode: '914' },
  { market: 'other', state: 'NY', countyFips: '36001', city: 'Albany', zips: ['12203', '12206', '12208'], areaCode: '518' },
  { market: 'other', state: 'PA', countyFips: '42045', city: 'Upper Darby', zips: ['19082'], areaCode: '610' },
  { market: 'other', state: 'PA', countyFips: '42003', city: 'Pittsburgh', zips: ['15210', '15213', '15212'], areaCode: '412' },
  { market: 'other', state: 'IL', countyFips: '17097', city: 'Waukegan', zips: ['60085', '60087'], areaCode: '847' },
  { market: 'other', state: 'DE', countyFips: '10003', city: 'Wilmington', zips: ['19801', '19802', '19805'], areaCode: '302' },
  { market: 'other', state: 'TX', countyFips: '48201', city: 'Houston', zips: ['77002', '77004', '77027'], areaCode: '713' },
  { market: 'other', state: 'FL', countyFips: '12086', city: 'Miami', zips: ['33125', '33130', '33135'], areaCode: '305' },
  { market: 'other', state: 'OH', countyFips: '39049', city: 'Columbus', zips: ['43205', '43215', '43211'], areaCode: '614' },
  { market: 'other', state: 'GA', countyFips: '13121', city: 'Atlanta', zips: ['30303', '30310', '30318'], areaCode: '404' },
  { market: 'other', state: 'AZ', countyFips: '04013', city: 'Phoenix', zips: ['85004', '85008', '85015'], areaCode: '602' },
];

/** Share of the focus-market members in each market (roughly by population). */
export const marketWeights: readonly (readonly [Market, number])[] = [
  ['NYC', 0.22],
  ['NJ', 0.16],
  ['VA', 0.14],
  ['MD', 0.12],
  ['CHICAGO', 0.12],
  ['CT', 0.08],
  ['PHILADELPHIA', 0.09],
  ['DC', 0.07],
];

/** The places of one market. */
export const placesByMarket: ReadonlyMap<Market, readonly Place[]> = new Map(
  (['NYC', 'NJ', 'VA', 'MD', 'CHICAGO', 'CT', 'PHILADELPHIA', 'DC', 'other'] as const).map((m) => [
    m,
    places.filter((p) => p.market === m),
  ]),
);

/** Street names that no one would take for a real address. */
export const streetNames: readonly string[] = [
  'Example Ave',
  'Sample St',
  'Placeholder Rd',
  'Synthetic Way',
  'Testing Ln',
  'Fictional Blvd',
  'Demo Ct',
  'Mock Pl',
];
