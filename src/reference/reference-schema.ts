import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/**
 * Drug reference tables in the warehouse, read by the risk SQL.
 * `drug` maps an 11-digit NDC to what RISK-RULES §4 needs; `mme_factor`
 * holds each factor set's conversion factors by ingredient and route group.
 */
export const referenceSchema: readonly string[] = [
  `create table if not exists drug (
    ndc varchar primary key,            -- 11 digits, no dashes
    rxcui varchar,
    name varchar not null,
    ingredient varchar not null,        -- lower case: oxycodone, fentanyl, buprenorphine, alprazolam, …
    strength double not null,           -- per unit below
    unit varchar not null,              -- MG | MG/ML | MCG | MCG/HR | MCG/SPRAY | MG/HR | MG/ACTUAT …
    form varchar,                       -- tablet, capsule, solution, patch, film, lozenge, spray, …
    route_group varchar not null,       -- oral | transdermal | buccal | mucosal | nasal | other: picks the factor
    drug_class varchar not null,        -- opioid_analgesic | buprenorphine | benzodiazepine | naltrexone | naloxone
    long_acting boolean not null default false,
    source varchar not null             -- builtin | cdc-ndc-2016 | cdc-ndc-2018
  )`,
  `create table if not exists mme_factor (
    factor_set varchar not null,        -- cdc-2022 | cdc-2018
    ingredient varchar not null,
    route_group varchar not null,       -- a route group, or * for every route
    factor double not null,             -- MME per (unit × quantity ÷ days supply)
    source varchar not null,
    primary key (factor_set, ingredient, route_group)
  )`,
  // RxNorm-keyed products (OMTK): no NDC; one row per drug and opioid ingredient.
  `create table if not exists drug_rxnorm (
    rxcui varchar not null,
    ingredient_rxcui varchar not null,
    name varchar not null,
    ingredient varchar not null,
    strength double not null,           -- normalized as in drug: MG/HR patches become MCG/HR, fentanyl MG becomes MCG
    unit varchar not null,
    dose_form_rxcui varchar,
    form varchar,
    route_group varchar not null,
    drug_class varchar not null,
    long_acting boolean not null default false,
    source varchar not null,            -- omtk
    primary key (rxcui, ingredient_rxcui)
  )`,
  // The factor of each opioid analgesic NDC in each factor set: the route-specific
  // row first, else the ingredient's '*' row. Buprenorphine and injectables get none.
  `create or replace view drug_mme_factor as
    select f.factor_set, d.ndc,
      coalesce(max(case when f.route_group = d.route_group then f.factor end),
               max(case when f.route_group = '*' then f.factor end)) as factor
    from drug d
    join mme_factor f on f.ingredient = d.ingredient and f.route_group in (d.route_group, '*')
    where d.drug_class = 'opioid_analgesic' and d.route_group <> 'injectable'
    group by f.factor_set, d.ndc`,
  `create table if not exists reference_import (
    file_path varchar not null,
    file_hash varchar not null,         -- sha256 of the file's bytes
    format varchar not null,            -- cdc-ndc | omtk
    layout varchar not null,            -- cdc-ndc-2016 | cdc-ndc-2018 | omtk
    imported_at timestamp not null,
    rows_read integer not null,
    loaded integer not null,
    rejected integer not null
  )`,
];

/** Creates the reference tables that do not exist yet. */
export async function ensureReferenceSchema(warehouse: Warehouse): Promise<void> {
  for (const statement of referenceSchema) await warehouse.run(statement);
}
