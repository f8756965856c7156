import { describe, expect, it } from 'vitest';
import { isValidNpi, makeNpi, npiCheckDigit } from './npi.ts';

describe('NPI check digit', () => {
  it('matches the CMS worked example 123456789 → 3', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it('rejects a number whose last digit is off by one', () => {
    expect(isValidNpi('1234567894')).toBe(false);
  });

  it('makes valid 10-digit NPIs from sequential bases', () => {
    for (let base = 150_000_000; base < 150_000_200; base++) expect(isValidNpi(makeNpi(base))).toBe(true);
  });
});
