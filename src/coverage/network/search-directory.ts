import type { DirectoryEntry, DirectoryQuery } from './network-schema.ts';

export interface DirectoryHit {
  entry: DirectoryEntry;
  /** The entry's status for the plan asked about; null when no plan was given. */
  networkStatus: 'in' | 'out' | null;
  /** 0 same ZIP, 1 same 3-digit ZIP area, 2 elsewhere in the market, 3 virtual or unknown. */
  nearness: number;
}

/** The network status of an entry for a plan: a plan the entry does not list is out of network. */
export function networkStatusFor(entry: DirectoryEntry, planId: string): 'in' | 'out' {
  return entry.network[planId] ?? 'out';
}

const nearnessOf = (entry: DirectoryEntry, zip: string | undefined): number => {
  if (entry.type === 'virtual-behavioral-care' || !zip) return 3;
  if (entry.address.zip === zip) return 0;
  if (entry.address.zip.slice(0, 3) === zip.slice(0, 3)) return 1;
  return 2;
};

/**
 * Finds care matching every given filter, in-network for the plan first, then
 * nearest to the ZIP, then accepting new patients, then by name. A ZIP alone
 * does not filter: it orders results within the market.
 */
export function searchDirectory(entries: readonly DirectoryEntry[], query: DirectoryQuery): DirectoryHit[] {
  const language = query.language?.toLowerCase();
  return entries
    .filter((e) => !query.market || e.markets.includes(query.market))
    .filter((e) => !query.type || e.type === query.type)
    .filter((e) => !query.service || e.services.includes(query.service))
    .filter((e) => !query.acceptingNewPatients || e.acceptingNewPatients)
    .filter((e) => !language || e.languages.some((l) => l.toLowerCase() === language))
    .filter(
      (e) =>
        !query.inNetworkOnly || (query.planId !== undefined && networkStatusFor(e, query.planId) === 'in'),
    )
    .map((entry) => ({
      entry,
      networkStatus: query.planId ? networkStatusFor(entry, query.planId) : null,
      nearness: nearnessOf(entry, query.zip),
    }))
    .sort(
      (a, b) =>
        Number(a.networkStatus === 'out') - Number(b.networkStatus === 'out') ||
        a.nearness - b.nearness ||
        Number(b.entry.acceptingNewPatients) - Number(a.entry.acceptingNewPatients) ||
        a.entry.name.localeCompare(b.entry.name),
    );
}
