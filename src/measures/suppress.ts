/** CMS cell-size rule: a count of 1 to 10 is not shown, nor anything computed from it. */
export const isSmall = (n: number) => n >= 1 && n <= 10;

/** A count shown or not: `shown` is false for counts that are not in the output at all. */
export interface CountCell {
  value: number;
  shown: boolean;
  suppressed: boolean;
}

/** Cells that add up to a total the output also shows (months to a period, markets to all focus markets). */
export interface SumGroup {
  total: string;
  parts: readonly string[];
}

/**
 * Complementary suppression: while some group shows its total and hides exactly one part
 * that is suppressed or a small count — which the total minus the shown parts would give away — hide one
 * more part of that group (the smallest shown non-zero one; failing that, the total).
 * Hiding only grows, so the loop ends.
 */
export function suppressComplementary(cells: Map<string, CountCell>, groups: readonly SumGroup[]): void {
  const unknown = (id: string) => {
    const c = cells.get(id);
    return !c?.shown || c.suppressed;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      if (unknown(g.total)) continue;
      const hidden = g.parts.filter(unknown);
      // One hidden part of a shown total is given away by subtraction: protect it when it was
      // suppressed (for any reason: a complement protects another cell) or is a small count.
      const only = hidden.length === 1 ? cells.get(hidden[0]!) : undefined;
      if (!only || !(only.suppressed || isSmall(only.value))) continue;
      const candidates = g.parts
        .filter((id) => !unknown(id))
        .map((id) => ({ id, value: cells.get(id)!.value }))
        .sort((a, b) => (a.value === 0 ? 1 : 0) - (b.value === 0 ? 1 : 0) || a.value - b.value);
      const pick = candidates[0]?.id ?? g.total;
      cells.get(pick)!.suppressed = true;
      changed = true;
    }
  }
}
