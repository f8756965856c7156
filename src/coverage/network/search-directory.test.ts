import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../platform/identifiers/npi.ts';
import { focusMarkets } from '../../reference/markets.ts';
import { buildDemoNetwork } from '../demo/demo-network.ts';
import { searchDirectory } from './search-directory.ts';

const network = buildDemoNetwork();

describe('demo network', () => {
  it('has ambulatory detox, IOP, OTP and a MOUD prescriber in every focus market, with valid NPIs', () => {
    for (const market of focusMarkets)
      for (const type of [
        'ambulatory-detox',
        'intensive-outpatient',
        'opioid-treatment-program',
        'moud-prescriber',
      ] as const)
        expect(
          network.some((e) => e.markets.includes(market) && e.type === type),
          `${market} ${type}`,
        ).toBe(true);
    expect(network.every((e) => isValidNpi(e.npi))).toBe(true);
    expect(new Set(network.map((e) => e.npi)).size).toBe(network.length);
  });
});

describe('searchDirectory', () => {
  it('finds in-network ambulatory detox for an HMO member in Baltimore, excluding out-of-network sites', () => {
    const hits = searchDirectory(network, {
      market: 'MD',
      type: 'ambulatory-detox',
      planId: 'CKP-HMO-100',
      inNetworkOnly: true,
    });
    expect(hits.map((h) => h.entry.name)).toEqual(['Lanternway Ambulatory Detox — Baltimore']);
    expect(hits[0]?.networkStatus).toBe('in');
  });

  it('lists in-network care before out-of-network care when both are asked for', () => {
    const hits = searchDirectory(network, { market: 'NJ', type: 'ambulatory-detox', planId: 'CKP-PPO-400' });
    expect(hits.map((h) => h.networkStatus)).toEqual(['in', 'out']);
  });

  it('filters by service and orders by nearness to the ZIP', () => {
    const hits = searchDirectory(network, { market: 'NYC', service: 'buprenorphine', zip: '11226' });
    expect(hits.length).toBeGreaterThan(2);
    expect(hits.every((h) => h.entry.services.includes('buprenorphine'))).toBe(true);
    const nearness = hits.map((h) => h.nearness);
    expect(nearness).toEqual([...nearness].sort((a, b) => a - b));
    expect(hits[0]?.entry.address.zip).toBe('11226');
  });

  it('includes virtual care only in the markets it serves', () => {
    const virtual = (market: 'CHICAGO' | 'DC') =>
      searchDirectory(network, { market, type: 'virtual-behavioral-care' }).map((h) => h.entry.id);
    expect(virtual('DC')).toEqual(['net-virtual-1', 'net-virtual-2']);
    expect(virtual('CHICAGO')).toEqual(['net-virtual-1']);
  });

  it('returns nothing in-network when no plan is given', () => {
    expect(searchDirectory(network, { market: 'DC', inNetworkOnly: true })).toEqual([]);
  });

  it('filters by language and by accepting new patients', () => {
    const hits = searchDirectory(network, {
      market: 'CT',
      language: 'portuguese',
      acceptingNewPatients: true,
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.entry.languages.includes('Portuguese') && h.entry.acceptingNewPatients)).toBe(
      true,
    );
  });
});
