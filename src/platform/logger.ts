import pino, { type Logger } from 'pino';

/**
 * Paths that may carry member data. pino replaces them before a line is written,
 * so a handler that logs a request or a row by mistake still leaks nothing.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.body',
  'req.query',
  'res.body',
  'body',
  'row',
  'raw',
  'member',
  'memberId',
  'member_id',
  'birthDate',
  'birth_date',
  'name',
  'address',
  'phone',
  'password',
  '*.memberId',
  '*.member_id',
  '*.birthDate',
  '*.password',
];

/** Makes the structured logger; tests pass a destination stream to read what was written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options, pino.destination(2));
}

export type { Logger };
