import { AppError } from '../platform/errors.ts';

export type CdcLayout = 'cdc-ndc-2016' | 'cdc-ndc-2018';

/** Our name for each CDC column, and the header names the 2016 and 2018 files give it. */
export const cdcColumns = {
  ndc: ['NDC'],
  productName: ['PRODNME', 'Product_Name'],
  genericName: ['GENNME', 'Generic_Drug_Name'],
  masterForm: ['Master_Form'],
  cdcClass: ['Class'],
  drug: ['Drug'],
  longShort: ['LongShortActing'],
  strength: ['Strength_Per_Unit'],
  uom: ['UOM'],
  factor: ['MME_Conversion_Factor'],
} as const;

export type CdcField = keyof typeof cdcColumns;

export interface CdcHeader {
  layout: CdcLayout;
  /** The header name of each field present in this file; `factor` is absent from the benzodiazepine sheet. */
  columns: Partial<Record<CdcField, string>>;
}

/**
 * Reads a CDC NDC/MME sheet header. The 2016 file starts with NDC_Numeric and
 * names products Product_Name/Generic_Drug_Name; the 2018 file starts with NDC
 * and uses PRODNME/GENNME. Every field but the factor is required.
 */
export function detectCdcLayout(file: string, header: readonly string[]): CdcHeader {
  const columns: Partial<Record<CdcField, string>> = {};
  const missing: string[] = [];
  for (const [field, names] of Object.entries(cdcColumns) as [CdcField, readonly string[]][]) {
    const found = names.find((n) => header.includes(n));
    if (found) columns[field] = found;
    else if (field !== 'factor') missing.push(names.join(' or '));
  }
  if (missing.length > 0)
    throw new AppError(
      'unprocessable',
      `${file} is not a CDC NDC/MME sheet (2016 or 2018 layout)`,
      missing.map((m) => ({ path: `${file}:1`, message: `missing column ${m}` })),
    );
  const layout: CdcLayout = header[0] === 'NDC_Numeric' ? 'cdc-ndc-2016' : 'cdc-ndc-2018';
  return { layout, columns };
}
