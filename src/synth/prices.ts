/**
 * Allowed amounts in cents, roughly what a commercial plan pays (order of
 * magnitude only). Looked up by procedure code, else revenue code, else a
 * default; a line multiplies by its units.
 */
const byProcedure: Record<string, number> = {
  '99212': 7_500,
  '99213': 11_000,
  '99214': 16_000,
  '99203': 15_000,
  '99204': 22_000,
  '99395': 20_000,
  '99396': 22_000,
  '90471': 2_500,
  '90686': 2_800,
  '80053': 1_500,
  '85025': 1_000,
  '80061': 1_800,
  '83036': 1_300,
  '99283': 18_000,
  '99284': 32_000,
  '99285': 48_000,
  A0427: 90_000,
  A0429: 60_000,
  A0425: 1_200,
  '29881': 250_000,
  '27447': 1_800_000,
  '96413': 40_000,
  J9267: 20_000,
  '99223': 30_000,
  '99232': 12_000,
  '90837': 16_000,
  H0020: 2_500,
  G2067: 20_000,
  Q5001: 19_000,
  // Withdrawal management per diem: ambulatory (H0014), residential sub-acute (H0010) and acute (H0011).
  H0014: 25_000,
  H0010: 55_000,
  H0011: 85_000,
  '72148': 90_000,
  '73610': 8_000,
  '71046': 7_000,
};

const byRevenue: Record<string, number> = {
  '0120': 320_000,
  '0126': 55_000,
  '0136': 85_000,
  '0250': 30_000,
  '0300': 15_000,
  '0320': 40_000,
  '0360': 300_000,
  '0450': 150_000,
  '0651': 19_000,
  '0981': 30_000,
};

/** The allowed amount of one line before units and noise. */
export function basePrice(procedureCode: string | null, revenueCode: string | null): number {
  return (
    (procedureCode ? byProcedure[procedureCode] : undefined) ??
    (revenueCode ? byRevenue[revenueCode] : undefined) ??
    10_000
  );
}
