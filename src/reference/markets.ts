/**
 * The eight focus markets of RISK-RULES §2. County FIPS
 * decides first, then ZIP3, then the state; anything else is `other`.
 */
export const focusMarkets = ['CT', 'MD', 'NJ', 'VA', 'CHICAGO', 'NYC', 'PHILADELPHIA', 'DC'] as const;
export type FocusMarket = (typeof focusMarkets)[number];
export type Market = FocusMarket | 'other';

export const marketNames: Record<Market, string> = {
  CT: 'Connecticut',
  MD: 'Maryland',
  NJ: 'New Jersey',
  VA: 'Virginia',
  CHICAGO: 'Chicago',
  NYC: 'New York City',
  PHILADELPHIA: 'Philadelphia',
  DC: 'Washington DC',
  other: 'Other',
};

export const marketCounties: Record<string, Market> = {
  '36005': 'NYC',
  '36047': 'NYC',
  '36061': 'NYC',
  '36081': 'NYC',
  '36085': 'NYC',
  '17031': 'CHICAGO',
  '42101': 'PHILADELPHIA',
  '11001': 'DC',
};

export const marketZip3: Record<string, Market> = {
  ...Object.fromEntries(
    ['100', '101', '102', '103', '104', '111', '112', '113', '114', '116'].map((z) => [z, 'NYC']),
  ),
  '606': 'CHICAGO',
  '191': 'PHILADELPHIA',
  ...Object.fromEntries(['200', '202', '203', '204', '205'].map((z) => [z, 'DC'])),
};

export const marketStates: Record<string, Market> = { CT: 'CT', MD: 'MD', NJ: 'NJ', VA: 'VA', DC: 'DC' };

/** The market of an address: county FIPS first; without one, ZIP3; then the state. */
export function marketOf(address: {
  countyFips?: string | null;
  zip?: string | null;
  state?: string | null;
}): Market {
  const county = address.countyFips?.trim();
  if (county) {
    const byCounty = marketCounties[county];
    if (byCounty) return byCounty;
  } else {
    const byZip = address.zip ? marketZip3[address.zip.trim().slice(0, 3)] : undefined;
    if (byZip) return byZip;
  }
  return marketStates[address.state?.trim().toUpperCase() ?? ''] ?? 'other';
}
