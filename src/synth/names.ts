/**
 * Obviously synthetic names: common given names with family names built from
 * words like "Sample" and "Mock", so no record can be taken for a real person.
 */
export const givenNames = {
  female: [
    'Avery',
    'Jordan',
    'Maria',
    'Aisha',
    'Mei',
    'Sofia',
    'Grace',
    'Nadia',
    'Olivia',
    'Priya',
    'Rosa',
    'Hana',
  ],
  male: [
    'Marcus',
    'Jamal',
    'Luis',
    'Wei',
    'Daniel',
    'Omar',
    'Samuel',
    'Ivan',
    'Kofi',
    'Ethan',
    'Raj',
    'Tomas',
  ],
} as const;

const stems = ['Sample', 'Test', 'Mock', 'Demo', 'Proto', 'Fiction', 'Synth', 'Example'];
const endings = ['son', 'wood', 'field', 'ley', 'man', 'ford', 'berg', 'ton'];

/** 64 family names such as "Samplewood" and "Mockley". */
export const familyNames: readonly string[] = stems.flatMap((s) => endings.map((e) => `${s}${e}`));
