import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { z } from 'zod';
import { isoDaySchema } from '../platform/calendar/iso-day-schema.ts';
import { todayIso } from '../platform/calendar/iso-days.ts';
import { AppError } from '../platform/errors.ts';
import {
  generatePopulation,
  generatePopulationParallel,
  type PopulationOptions,
  type PopulationSummary,
} from '../synth/index.ts';
import { runAction } from './run-action.ts';

const isoDate = isoDaySchema;

const optionsSchema = z.object({
  members: z.coerce.number().int().min(1).max(20_000_000),
  seed: z.coerce.number().int().min(0).max(0xffffffff),
  out: z.string().min(1),
  format: z.enum(['fhir', 'csv']).default('fhir'),
  asOf: isoDate.optional(),
  badRows: z.boolean().optional(),
  riskEnrichment: z.coerce.number().min(1).max(100).default(1),
  workers: z.coerce.number().int().min(0).max(64).default(0),
  programStart: isoDate.optional(),
  programReduction: z.coerce.number().min(0).max(1).default(0.55),
});

/** `checkpoint generate`: writes a synthetic population as FHIR NDJSON or Tuva CSV. */
export function generateCommand(): Command {
  return new Command('generate')
    .description(
      'write a synthetic population (members, enrollment, medical and pharmacy claims over two years)',
    )
    .requiredOption('--members <n>', 'how many members')
    .requiredOption('--seed <s>', 'random seed: the same seed gives the same bytes')
    .requiredOption('--out <dir>', 'output folder (files in it are overwritten)')
    .option('--format <format>', 'fhir (NDJSON, CARIN Blue Button) or csv (Tuva input layer)', 'fhir')
    .option('--as-of <date>', 'the last day of the two years (default: today, UTC)')
    .option('--bad-rows', 'add a few deliberately bad rows of each kind (see src/synth/README.md)')
    .option(
      '--risk-enrichment <factor>',
      'oversample the high-risk groups by this factor (1 = plan-like rates)',
      '1',
    )
    .option(
      '--program-start <date>',
      'model a program effect from this day: reached members in the focus markets overdose less (off by default)',
    )
    .option('--program-reduction <share>', 'with --program-start: how much less (0–1)', '0.55')
    .option(
      '--workers <n>',
      'generate in this many worker threads (default 0: one thread, measured faster on a busy machine); same bytes',
    )
    .action(
      runAction(async (rawOptions: unknown) => {
        const parsed = optionsSchema.safeParse(rawOptions);
        if (!parsed.success) {
          throw new AppError(
            'bad_request',
            'invalid options for generate',
            parsed.error.issues.map((i) => ({
              path: `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
              message: i.message,
            })),
          );
        }
        const options = parsed.data;
        const asOf = options.asOf ?? todayIso();
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: 'generate | {bar} | {value}/{total} members',
                stream: process.stderr,
                clearOnComplete: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
        bar?.start(options.members, 0);
        let lastLine = Date.now();
        const workers = options.workers;
        const request: PopulationOptions = {
          members: options.members,
          seed: options.seed,
          outDir: options.out,
          format: options.format,
          asOf,
          badRows: options.badRows ?? false,
          riskEnrichment: options.riskEnrichment,
          programEffect: options.programStart
            ? { start: options.programStart, reduction: options.programReduction }
            : undefined,
          onProgress: (done) => {
            if (bar) bar.update(done);
            else if (Date.now() - lastLine > 5000) {
              lastLine = Date.now();
              process.stderr.write(`generate: ${done}/${options.members} members\n`);
            }
          },
        };
        const summary =
          workers > 0 ? await generatePopulationParallel(request, workers) : generatePopulation(request);
        bar?.stop();
        printSummary(summary, options.out);
      }),
    );
}

function printSummary(s: PopulationSummary, out: string): void {
  const lines = [
    `generated ${s.members} members (${s.format}, seed ${s.seed}, ${s.windowStart}..${s.asOf}, risk enrichment ${s.riskEnrichment}) in ${(s.elapsedMs / 1000).toFixed(1)} s into ${out}`,
    `  enrollment spans ${s.enrollmentSpans}, medical claims ${s.medicalClaims} (${s.medicalLines} lines), pharmacy claims ${s.pharmacyClaims}`,
    `  adjustments ${s.adjustments}, reversals ${s.reversals}, providers ${s.providers}`,
    `  patterns: ${Object.entries(s.patterns)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    ...s.files.map((f) => `  ${f.name}: ${f.lines} lines, ${(f.bytes / 1e6).toFixed(1)} MB`),
    ...(s.badRows.length > 0
      ? [`  bad rows: ${s.badRows.map((b) => `${b.file}:${b.line} ${b.kind}`).join('; ')}`]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
