import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { z } from 'zod';
import type { FileSummary, IngestListener, IngestSummary } from '../claims/index.ts';
import { ingestPaths, listRejections, writeRejections } from '../claims/index.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z.object({ rejects: z.string().min(1).optional(), strict: z.boolean().optional() });

/** `checkpoint ingest PATH…`: loads claims files and folders into the warehouse. */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'load FHIR NDJSON / Bundle and Tuva CSV files (plain or gzip) or folders into the claims warehouse',
    )
    .argument('<paths...>', 'files or folders')
    .option(
      '--rejects <file>',
      'write every rejected row (file, line, field, reason) as CSV, or JSON lines for .jsonl',
    )
    .option('--strict', 'exit 1 if any row was rejected')
    .action(
      runAction(async (paths: string[], rawOptions: unknown, command: Command) => {
        const options = optionsSchema.parse(rawOptions);
        const warehouse = await cliContext(command).openWarehouse();
        try {
          const summary = await ingestPaths(warehouse, paths, progressListener());
          printSummary(summary);
          const batchIds = summary.files.flatMap((f) => (f.batchId ? [f.batchId] : []));
          const rejections = await listRejections(warehouse, batchIds);
          if (options.rejects) {
            writeRejections(options.rejects, rejections);
            process.stdout.write(`wrote ${rejections.length} rejected rows to ${options.rejects}\n`);
          }
          if (options.strict && rejections.length > 0) {
            process.stderr.write(`checkpoint: --strict: ${rejections.length} rows rejected\n`);
            process.exitCode = 1;
          }
        } finally {
          await warehouse.close();
        }
      }),
    );
}

/** A progress bar (rows, rows/s) on a terminal; plain lines on stderr otherwise. */
function progressListener(): IngestListener {
  const everyMs = Number(process.env.CHECKPOINT_PROGRESS_MS ?? 1000);
  let fileStart = Date.now();
  let lastLine = 0;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{file} | {value} rows | {rate} rows/s', stream: process.stderr, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    return {
      fileStarted(file) {
        fileStart = Date.now();
        bar.start(0, 0, { file: path.basename(file), rate: 0 });
      },
      rowsRead(_file, rows) {
        bar.setTotal(rows);
        bar.update(rows, { rate: Math.round(rows / Math.max((Date.now() - fileStart) / 1000, 0.001)) });
      },
      fileFinished(summary) {
        bar.stop();
        process.stderr.write(`${fileLine(summary)}\n`);
      },
    };
  }
  return {
    fileStarted(file, index, count) {
      fileStart = Date.now();
      lastLine = fileStart;
      process.stderr.write(`loading ${file} (${index + 1}/${count})\n`);
    },
    rowsRead(file, rows) {
      const now = Date.now();
      if (now - lastLine < everyMs) return;
      lastLine = now;
      const rate = Math.round(rows / Math.max((now - fileStart) / 1000, 0.001));
      process.stderr.write(`  ${path.basename(file)}: ${rows} rows read (${rate} rows/s)\n`);
    },
    fileFinished(summary) {
      process.stderr.write(`${fileLine(summary)}\n`);
    },
  };
}

function fileLine(f: FileSummary): string {
  if (f.status === 'skipped') return `skipped ${f.file}: already loaded (same content)`;
  if (f.status === 'rejected') return `rejected ${f.file}: the whole file cannot be read (see --rejects)`;
  const ignored = Object.entries(f.ignored).map(([type, n]) => `${type} ${n}`);
  return (
    `loaded ${f.file} [${f.format}] in ${f.seconds.toFixed(1)}s: ${f.rowsRead} rows read, ` +
    `${f.members} members, ${f.enrollments} enrollment spans, ${f.providers} providers, ` +
    `${f.loaded} claims loaded, ${f.replaced} replaced, ${f.reversed} reversed, ${f.unchanged} unchanged, ` +
    `${f.rejected} rejected${ignored.length > 0 ? `; ignored ${ignored.join(', ')}` : ''}`
  );
}

function printSummary(s: IngestSummary): void {
  const t = s.totals;
  process.stdout.write(
    [
      `ingest: ${s.files.length} files in ${s.seconds.toFixed(1)}s`,
      `  loaded    ${t.loaded} claim versions (${t.members} members, ${t.enrollments} enrollment spans, ${t.providers} providers)`,
      `  replaced  ${t.replaced}`,
      `  reversed  ${t.reversed}`,
      `  unchanged ${t.unchanged} (identical resends)`,
      `  rejected  ${t.rejected} rows${t.filesRejected > 0 ? ` (${t.filesRejected} whole files)` : ''}`,
      `  skipped   ${t.skipped} files already loaded`,
      `  part 2    ${s.part2Labels.medical} medical and ${s.part2Labels.pharmacy} pharmacy claims labelled`,
      '',
    ].join('\n'),
  );
}
