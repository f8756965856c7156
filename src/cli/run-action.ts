import { AppError } from '../platform/errors.ts';

/**
 * Wraps a command's action: an AppError prints its message and issues and exits 1;
 * anything else prints a short line (no member data) and exits 1.
 */
export function runAction<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof AppError) {
        process.stderr.write(`checkpoint: ${error.message}\n`);
        for (const issue of error.issues)
          process.stderr.write(`  ${issue.path || '(input)'}: ${issue.message}\n`);
        process.exitCode = error.code === 'bad_request' || error.code === 'validation_failed' ? 2 : 1;
      } else {
        process.stderr.write(
          `checkpoint: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        if (process.env.CHECKPOINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        process.exitCode = 1;
      }
    }
  };
}
