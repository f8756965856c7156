/**
 * National Provider Identifiers: 9 digits and a Luhn check digit computed with
 * the `80840` prefix (CMS, "Requirements for the NPI check digit").
 */

/** The Luhn check digit of a 9-digit NPI base. */
export function npiCheckDigit(base9: string): number {
  const digits = `80840${base9}`;
  let sum = 0;
  // Double every second digit from the right, starting with the rightmost (the check digit is appended after).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid 10-digit NPI from a 9-digit base number. */
export function makeNpi(base: number): string {
  const base9 = String(base).padStart(9, '0');
  if (base9.length !== 9) throw new Error(`NPI base out of range: ${base}`);
  return `${base9}${npiCheckDigit(base9)}`;
}

/** Whether a 10-digit string is a valid NPI. */
export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
