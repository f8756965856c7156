/** What other domains and the composition layer use of reference. */
export { builtinDrug, builtinDrugs } from './builtin-drugs.ts';
export { dailyMme, roundMme } from './daily-mme.ts';
export { detoxProcedureCodes, detoxRevenueCodes } from './detox-codes.ts';
export { type DrugClass, drugClasses } from './drug-product.ts';
export { importReferenceFile, referenceFormats } from './import-reference.ts';
export type { ImportSummary } from './import-result.ts';
export { loadBuiltinReference } from './load-builtin-reference.ts';
export {
  type FocusMarket,
  focusMarkets,
  type Market,
  marketCounties,
  marketOf,
  marketStates,
  marketZip3,
} from './markets.ts';
export { factorFor } from './mme-factors.ts';
export { describeReference, formatImportSummary, formatRejectsCsv } from './reference-report.ts';
export { ensureReferenceSchema } from './reference-schema.ts';
export {
  type CodeSet,
  diagnosisSets,
  edVisit,
  emergencyAdmissionType,
  emergencyTransport,
  hospiceService,
  inCodeSet,
  otpServices,
} from './value-sets.ts';
