import { addDays } from '../../platform/calendar/iso-days.ts';
import { type Warehouse, withOwnConnection } from '../../platform/warehouse/warehouse.ts';
import {
  type CoverageSpan,
  type MemberProfile,
  readClaimsTimelines,
  readCoverages,
  readMemberProfiles,
  type TimelineEntry,
} from './member-record.ts';
import { type MemberRisk, readRecordedMemberRisks } from './member-risk.ts';
import { trackWarehouseWork } from './warehouse-work.ts';

/** Members one batch reads at most (bounds the statement's parameter list). */
export const maxMemberBatch = 64;
/**
 * Batches on the warehouse at once. One: a batch's cost is mostly its table scans, so fewer,
 * larger batches serve more members (measured with bench/http.ts: 250 against 185 req/s with two).
 */
export const memberBatchLanes = 1;

/** One member-view read: whose record, as of when, and whether Part 2 claims may be shown. */
export interface MemberViewRequest {
  memberId: string;
  asOf: string;
  includePart2: boolean;
}

/** The warehouse part of a member view; `risk` is null when no recorded run covers the member. */
export interface MemberWarehouseView {
  profile: MemberProfile;
  coverage: CoverageSpan[];
  timeline: TimelineEntry[];
  risk: MemberRisk | null;
}

interface Pending {
  request: MemberViewRequest;
  resolve: (view: MemberWarehouseView | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads member views for concurrent requests together: while a batch is on the warehouse, the
 * next requests queue, then go as one batch (one query per table for all of them). A columnar
 * warehouse scans a table for fifty members about as fast as for one, so throughput grows with
 * load instead of each request paying for whole-table scans. Every request still gets only its
 * own member, with its own Part 2 rule applied in the query.
 */
export class MemberViewLoader {
  private readonly queue: Pending[] = [];
  private lanes = 0;

  constructor(private readonly warehouse: Warehouse) {}

  /** The member's warehouse view, or null when the warehouse has no such member. */
  load(request: MemberViewRequest): Promise<MemberWarehouseView | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.lanes < memberBatchLanes) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.lanes += 1;
    try {
      // One turn of the loop so requests arriving together share the first batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, maxMemberBatch));
    } finally {
      this.lanes -= 1;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    // Requests differ only in as-of date and Part 2 grant; each such group is read together.
    const groups = new Map<string, Pending[]>();
    for (const p of batch) {
      const key = `${p.request.asOf}|${p.request.includePart2}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      if (!first) continue;
      try {
        const views = await readMemberViews(
          this.warehouse,
          group.map((p) => p.request.memberId),
          first.request.asOf,
          first.request.includePart2,
        );
        for (const p of group) p.resolve(views.get(p.request.memberId) ?? null);
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
  }
}

/** The warehouse views of several members as of one date under one Part 2 grant. */
export async function readMemberViews(
  w: Warehouse,
  memberIds: readonly string[],
  asOf: string,
  includePart2: boolean,
): Promise<Map<string, MemberWarehouseView>> {
  const ids = [...new Set(memberIds)];
  // The record and the recorded risk each on a pooled warehouse connection, side by side.
  const [record, risks] = await Promise.all([
    trackWarehouseWork(() =>
      withOwnConnection(w, async (c) => {
        const profiles = await readMemberProfiles(c, ids);
        const present = ids.filter((id) => profiles.has(id));
        if (present.length === 0) return { profiles, coverage: new Map(), timelines: new Map() };
        return {
          profiles,
          coverage: await readCoverages(c, present),
          timelines: await readClaimsTimelines(c, present, addDays(asOf, -364), asOf, includePart2),
        };
      }),
    ),
    trackWarehouseWork(() =>
      withOwnConnection(w, (c) => readRecordedMemberRisks(c, ids, asOf, includePart2)),
    ),
  ]);
  const views = new Map<string, MemberWarehouseView>();
  for (const [id, profile] of record.profiles)
    views.set(id, {
      profile,
      coverage: record.coverage.get(id) ?? [],
      timeline: record.timelines.get(id) ?? [],
      risk: risks.get(id) ?? null,
    });
  return views;
}

const loaders = new WeakMap<Warehouse, MemberViewLoader>();

/** The one batching loader of a warehouse handle (created on first use). */
export function memberViewLoaderFor(warehouse: Warehouse): MemberViewLoader {
  let loader = loaders.get(warehouse);
  if (!loader) {
    loader = new MemberViewLoader(warehouse);
    loaders.set(warehouse, loader);
  }
  return loader;
}
