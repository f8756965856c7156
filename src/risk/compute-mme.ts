import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { dailyMme, roundMme } from '../reference/index.ts';
import type { FactorSet } from './risk-config.ts';

export interface MmeQuestion {
  ndc?: string | undefined;
  rxcui?: string | undefined;
  quantity: number;
  daysSupply: number;
  factorSet: FactorSet;
}

export interface MmeIngredient {
  ingredient: string;
  strength: number;
  unit: string;
  routeGroup: string;
  drugClass: string;
  /** Null when the set has no factor: non-opioids, buprenorphine (MOUD), injectables. */
  factor: number | null;
  dailyMme: number | null;
}

export interface MmeAnswer {
  product: string;
  ndc: string | null;
  rxcui: string | null;
  factorSet: FactorSet;
  quantity: number;
  daysSupply: number;
  ingredients: MmeIngredient[];
  /** The product's daily MME (2 decimals), or null when it carries none. */
  dailyMme: number | null;
  note: string | null;
}

type ProductRow = {
  ndc: string | null;
  rxcui: string | null;
  name: string;
  ingredient: string;
  strength: number;
  unit: string;
  route_group: string;
  drug_class: string;
  factor: number | null;
};

/**
 * Daily MME of one product at a quantity and days supply (RISK-RULES §4), from
 * the same drug reference and factor lookup the rule SQL reads: by NDC through
 * `drug`, by RxNorm code through `drug` or the OMTK-keyed `drug_rxnorm`.
 */
export async function computeDailyMme(warehouse: Warehouse, q: MmeQuestion): Promise<MmeAnswer> {
  if (!(q.quantity >= 0) || !(q.daysSupply > 0))
    throw new AppError('validation_failed', 'Quantity must be 0 or more and days supply more than 0.', [
      { path: 'quantity', message: String(q.quantity) },
      { path: 'daysSupply', message: String(q.daysSupply) },
    ]);
  const rows = await findProduct(warehouse, q);
  const first = rows[0];
  if (!first)
    throw new AppError(
      'not_found',
      `No drug in the reference for ${q.ndc ? `NDC ${q.ndc}` : `RxNorm ${q.rxcui}`}.`,
    );
  const ingredients = rows.map((r): MmeIngredient => {
    const counted =
      r.drug_class === 'opioid_analgesic' && r.ingredient !== 'buprenorphine' && r.factor !== null;
    return {
      ingredient: r.ingredient,
      strength: r.strength,
      unit: r.unit,
      routeGroup: r.route_group,
      drugClass: r.drug_class,
      factor: counted ? r.factor : null,
      dailyMme:
        counted && r.factor !== null
          ? dailyMme({
              strength: r.strength,
              unit: r.unit,
              quantity: q.quantity,
              daysSupply: q.daysSupply,
              factor: r.factor,
            })
          : null,
    };
  });
  const counted = ingredients.filter((i) => i.dailyMme !== null);
  const note = counted.length
    ? null
    : first.ingredient === 'buprenorphine'
      ? 'buprenorphine is MOUD: never counted as MME (CDC 2022)'
      : first.drug_class !== 'opioid_analgesic'
        ? `not an opioid analgesic (${first.drug_class})`
        : `no ${q.factorSet} factor for ${first.ingredient} by route ${first.route_group}`;
  return {
    product: first.name,
    ndc: first.ndc,
    rxcui: first.rxcui,
    factorSet: q.factorSet,
    quantity: q.quantity,
    daysSupply: q.daysSupply,
    ingredients,
    dailyMme: counted.length ? roundMme(counted.reduce((s, i) => s + (i.dailyMme ?? 0), 0)) : null,
    note,
  };
}

async function findProduct(warehouse: Warehouse, q: MmeQuestion): Promise<ProductRow[]> {
  const byDrug = `select d.ndc, d.rxcui, d.name, d.ingredient, d.strength, d.unit, d.route_group, d.drug_class,
                         v.factor
                  from drug d left join drug_mme_factor v on v.ndc = d.ndc and v.factor_set = $1`;
  if (q.ndc)
    return warehouse.all<ProductRow>(`${byDrug} where d.ndc = $2`, [q.factorSet, q.ndc.replace(/-/g, '')]);
  if (!q.rxcui) throw new AppError('bad_request', 'Give an NDC or an RxNorm code.');
  const viaNdc = await warehouse.all<ProductRow>(`${byDrug} where d.rxcui = $2 order by d.ndc limit 1`, [
    q.factorSet,
    q.rxcui,
  ]);
  if (viaNdc.length) return viaNdc;
  return warehouse.all<ProductRow>(
    `select null as ndc, r.rxcui, r.name, r.ingredient, r.strength, r.unit, r.route_group, r.drug_class,
            case when r.route_group = 'injectable' then null else coalesce(fr.factor, fa.factor) end as factor
     from drug_rxnorm r
     left join mme_factor fr on fr.factor_set = $1 and fr.ingredient = r.ingredient and fr.route_group = r.route_group
     left join mme_factor fa on fa.factor_set = $1 and fa.ingredient = r.ingredient and fa.route_group = '*'
     where r.rxcui = $2 order by r.ingredient`,
    [q.factorSet, q.rxcui],
  );
}
