import { AppError } from '../platform/errors.ts';

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * A warehouse SQL condition (DuckDB and PostgreSQL) that keeps a claim of alias
 * `claim` only when it carries no 42 CFR Part 2 label, or when its member is in
 * the consented list bound at parameter `$param` (member ids joined by commas;
 * pass `consentedMemberList(...)`). With `param` null, labeled claims are always
 * left out. Labels live beside claims in `claim_label` (Blue Button design).
 */
export function part2ClaimFilter(claim: string, kind: 'medical' | 'pharmacy', param: number | null): string {
  if (!identifier.test(claim)) throw new AppError('internal', 'part2ClaimFilter: bad alias');
  const unlabeled = `not exists (select 1 from claim_label part2_label where part2_label.claim_kind = '${kind}' and part2_label.claim_id = ${claim}.claim_id and part2_label.label = 'part2')`;
  if (param === null) return `(${unlabeled})`;
  if (!Number.isInteger(param) || param < 1)
    throw new AppError('internal', 'part2ClaimFilter: bad parameter');
  return `(${unlabeled} or ${claim}.member_id in (select unnest(string_to_array($${param}, ','))))`;
}

/** The bound value for `part2ClaimFilter`: the members whose consent covers Part 2 records for this disclosure. */
export function consentedMemberList(consents: ReadonlyMap<string, 'general' | 'part2'>): string {
  return [...consents]
    .filter(([id, scope]) => scope === 'part2' && !id.includes(','))
    .map(([id]) => id)
    .join(',');
}
