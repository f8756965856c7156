import { builtinDrug } from '../../reference/index.ts';
import type { CareContext } from '../care-context.ts';
import type { Provider } from '../model.ts';

/** Allowed cents per unit dispensed, by form (order of magnitude only). */
function unitPrice(key: string): number {
  const drug = builtinDrug(key);
  if (drug.form.startsWith('patch')) return 2_000;
  if (drug.drugClass === 'naloxone') return 3_500;
  if (drug.drugClass === 'buprenorphine') return 700;
  if (drug.longActing) return 350;
  return 45;
}

/**
 * Fills a built-in product (looked up by its key in the drug reference) at
 * `perDay` units a day for `daysSupply` days; false when the day is not billable.
 */
export function fillProduct(
  ctx: CareContext,
  key: string,
  day: number,
  daysSupply: number,
  perDay: number,
  prescriber: Provider,
  pharmacy: Provider,
): boolean {
  const drug = builtinDrug(key);
  const quantity = Math.max(1, Math.round(perDay * daysSupply));
  return ctx.builder.fill({
    day,
    ndc: drug.ndc,
    quantity,
    daysSupply,
    prescriberNpi: prescriber.npi,
    pharmacyNpi: pharmacy.npi,
    price: unitPrice(key) * quantity,
    brand: drug.longActing,
  });
}
