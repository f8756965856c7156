import { describe, expect, it } from 'vitest';
import type { DetoxLine } from '../detox/unauthorized-detox.ts';
import { chooseDemoOutcomes, type DetoxEpisode, groupAmbulatoryEpisodes } from './demo-detox-episodes.ts';

const line = (claimId: string, serviceDate: string, more: Partial<DetoxLine> = {}): DetoxLine => ({
  claimId,
  memberId: 'M-1',
  serviceDate,
  procedureCode: 'H0014',
  revenueCode: null,
  billingNpi: '2981000070',
  units: 1,
  ...more,
});

describe('groupAmbulatoryEpisodes', () => {
  it('makes one episode per claim of H0014 days, leaving residential and NPI-less lines out', () => {
    const episodes = groupAmbulatoryEpisodes([
      line('C-1', '2026-01-03'),
      line('C-1', '2026-01-04'),
      line('C-1', '2026-01-05'),
      line('C-2', '2026-02-01', { procedureCode: 'H0010', revenueCode: '0126', units: 4 }),
      line('C-3', '2026-02-01', { billingNpi: null }),
    ]);
    expect(episodes).toEqual([
      {
        claimId: 'C-1',
        memberId: 'M-1',
        billingNpi: '2981000070',
        code: 'H0014',
        startDate: '2026-01-03',
        endDate: '2026-01-05',
        days: 3,
      },
    ]);
  });
});

describe('chooseDemoOutcomes', () => {
  const episodes: DetoxEpisode[] = Array.from({ length: 24 }, (_, i) => ({
    claimId: `C-${i}`,
    memberId: `M-${i}`,
    billingNpi: '2981000070',
    code: 'H0014',
    startDate: '2026-01-03',
    endDate: '2026-01-05',
    days: 3,
  }));

  it('gives a third no request and most of the rest an approval, whatever order the episodes come in', () => {
    const chosen = chooseDemoOutcomes(episodes);
    const count = (o: string) => chosen.filter((c) => c.outcome === o).length;
    expect(count('none')).toBe(8);
    expect(count('approved')).toBe(10);
    expect([count('partially_approved'), count('denied'), count('pending')]).toEqual([2, 2, 2]);
    const reversed = chooseDemoOutcomes([...episodes].reverse());
    const byClaim = (list: typeof chosen) =>
      Object.fromEntries(list.map((c) => [c.episode.claimId, c.outcome]));
    expect(byClaim(reversed)).toEqual(byClaim(chosen));
  });
});
