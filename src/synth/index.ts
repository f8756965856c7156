/** What other domains and the composition layer use of synth. */
export { generatePopulationParallel } from './generate-parallel.ts';
export { generatePopulation, type PopulationOptions, type PopulationSummary } from './generate-population.ts';
