import { describe, expect, it } from 'vitest';
import { drugClassOf, ingredientOf, routeGroupOf } from './route-group.ts';

describe('routeGroupOf', () => {
  it.each([
    ['fentanyl', 'patch, extended release', 'FENTANYL', 'transdermal'],
    ['fentanyl', 'transdermal system', '72 HR Fentanyl 0.025 MG/HR Transdermal System', 'transdermal'],
    ['fentanyl', 'lozenge/troche', 'ACTIQ', 'buccal'],
    ['fentanyl', 'tablet', 'FENTORA', 'buccal'],
    ['fentanyl', 'sublingual tablet', 'Abstral', 'buccal'],
    ['fentanyl', 'film', 'ONSOLIS', 'mucosal'],
    ['fentanyl', 'buccal film', 'Fentanyl 1.2 MG Buccal Film', 'mucosal'],
    ['fentanyl', 'spray', 'SUBSYS', 'mucosal'],
    ['fentanyl', 'mucosal spray', 'Fentanyl 0.1 MG/ACTUAT Mucosal Spray', 'mucosal'],
    ['fentanyl', 'spray', 'LAZANDA', 'nasal'],
    ['fentanyl', 'injectable solution', 'Fentanyl 0.05 MG/ML', 'injectable'],
    ['butorphanol', 'metered dose nasal spray', 'Butorphanol', 'nasal'],
    ['naloxone', 'spray', 'NARCAN', 'nasal'],
    ['buprenorphine', 'tablet', 'SUBUTEX', 'buccal'],
    ['buprenorphine', 'film', 'SUBOXONE', 'buccal'],
    ['buprenorphine', 'patch, extended release', 'BUTRANS', 'transdermal'],
    ['buprenorphine', 'extended release subcutaneous', 'SUBLOCADE', 'injectable'],
    ['morphine', 'suppository', 'MORPHINE SULFATE', 'other'],
    ['diazepam', 'gel/jelly', 'DIASTAT', 'other'],
    ['oxycodone', 'tablet, extended release', 'OXYCONTIN', 'oral'],
    ['methadone', 'solution', 'METHADONE HCL', 'oral'],
  ])('%s %s (%s) → %s', (ingredient, form, name, expected) => {
    expect(routeGroupOf(ingredient, form, name)).toBe(expected);
  });
});

describe('ingredientOf and drugClassOf', () => {
  it('drops the CDC SA/LA suffix and lower-cases', () => {
    expect(ingredientOf('Oxycodone SA')).toBe('oxycodone');
    expect(ingredientOf('Morphine LA')).toBe('morphine');
    expect(ingredientOf('dihydrocodeine')).toBe('dihydrocodeine');
  });

  it('classes buprenorphine, antagonists and benzodiazepines, and leaves opioids to the source', () => {
    expect(drugClassOf('buprenorphine')).toBe('buprenorphine');
    expect(drugClassOf('naltrexone')).toBe('naltrexone');
    expect(drugClassOf('naloxone')).toBe('naloxone');
    expect(drugClassOf('clonazepam')).toBe('benzodiazepine');
    expect(drugClassOf('oxycodone')).toBeNull();
  });
});
