import { describe, expect, it } from 'vitest';
import { laterCopies } from './adjustments.ts';
import { ClaimBuilder } from './claim-builder.ts';
import { parseDay } from './dates.ts';
import type { Claim, Member } from './model.ts';
import { planNamed } from './plans.ts';
import { createRandom } from './prng.ts';

const windowStart = parseDay('2024-07-01');
const asOf = parseDay('2026-06-30');

function member(): Member {
  return {
    seq: 12,
    memberId: 'M00000012',
    personId: 'P00000012',
    firstName: 'Ada',
    lastName: 'Quinn',
    gender: 'female',
    birthDay: parseDay('1980-03-04'),
    phone: '555-0100',
    addressLine: '1 Main St',
    city: 'Baltimore',
    state: 'MD',
    zip: '21201',
    countyFips: '24510',
    market: 'MD',
    spans: [{ start: windowStart, end: asOf, plan: planNamed('CKP-PPO-400') }],
  };
}

/** A member's ordinary claims (many, so reversals and adjustments happen), and optionally a claim on another stream. */
function build(withOwnStream: boolean): { claims: Claim[]; builder: ClaimBuilder } {
  const builder = new ClaimBuilder(member(), createRandom(3, 12), windowStart, asOf);
  for (let i = 0; i < 400; i++) {
    const day = windowStart + i;
    if (withOwnStream && i === 200)
      builder.professional({
        day,
        diagnoses: ['F11.23'],
        renderingNpi: '1234567893',
        random: createRandom(3, 12, 1),
        lines: [0, 1, 2].map((offset) => ({ procedureCode: 'H0014', placeOfService: '57', offset })),
      });
    builder.professional({
      day,
      diagnoses: ['J06.9'],
      renderingNpi: '1234567893',
      lines: [{ procedureCode: '99213', placeOfService: '11' }],
    });
  }
  const claims = builder.finish();
  return { claims: [...claims, ...laterCopies(claims, (c) => builder.streamOf(c), asOf)], builder };
}

const withoutAmounts = (c: Claim) =>
  c.kind === 'medical'
    ? { ...c, lines: c.lines.map((l) => ({ ...l, amounts: null })) }
    : { ...c, amounts: null };

describe('a claim drawn from its own stream', () => {
  it('leaves the other claims’ ids, paid dates and later copies as they were', () => {
    const plain = build(false).claims;
    const added = build(true).claims;
    const isOwn = (c: Claim) => c.kind === 'medical' && c.diagnoses[0] === 'F11.23';
    expect(added.filter((c) => isOwn(c) && c.version === 1)).toHaveLength(1);
    expect(plain.some((c) => c.version > 1)).toBe(true);
    expect(added.filter((c) => !isOwn(c)).map(withoutAmounts)).toEqual(plain.map(withoutAmounts));
  });

  it('is numbered after the member’s other claims and spans its per diem service days', () => {
    const { claims } = build(true);
    const own = claims.find((c) => c.kind === 'medical' && c.diagnoses[0] === 'F11.23' && c.version === 1);
    expect(own?.claimId).toBe('MC000000120401');
    if (own?.kind !== 'medical') throw new Error('no own-stream claim');
    expect(own.lines.map((l) => l.serviceDay - own.startDay)).toEqual([0, 1, 2]);
    expect(own.endDay).toBe(own.startDay + 2);
  });

  it('drops per diem days after coverage ends', () => {
    const builder = new ClaimBuilder(member(), createRandom(3, 12), windowStart, asOf);
    builder.professional({
      day: asOf - 1,
      diagnoses: ['F11.23'],
      renderingNpi: '1234567893',
      lines: [0, 1, 2, 3].map((offset) => ({ procedureCode: 'H0014', offset })),
    });
    const [claim] = builder.finish();
    expect(claim?.kind === 'medical' && claim.lines.length).toBe(2);
    expect(claim?.kind === 'medical' && claim.endDay).toBe(asOf);
  });
});
