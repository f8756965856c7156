import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, toErrorBody } from '../errors.ts';
import type { App } from './route-module.ts';

/** One error shape for every failure: `{ code, message, issues }` with the matching status. */
export function installErrorHandler(app: App, serveSpa = false): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const body: ErrorBody = {
        code: 'validation_failed',
        message: 'The request is not valid.',
        issues: error.validation.map((v) => ({
          path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)]
            .filter(Boolean)
            .join('.'),
          message: v.message ?? 'invalid',
        })),
      };
      return reply.status(400).send(body);
    }
    if (error instanceof AppError) return reply.status(error.status).send(error.toBody());
    if (isResponseSerializationError(error)) {
      request.log.error({
        err: { message: 'response did not match its schema', route: request.routeOptions.url },
      });
      return reply.status(500).send(toErrorBody(error));
    }
    const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500)
      request.log.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
    const code =
      status === 415 || status === 413 || status === 400
        ? 'bad_request'
        : status === 404
          ? 'not_found'
          : 'internal';
    const body: ErrorBody =
      status < 500 ? { code, message: 'The request could not be read.', issues: [] } : toErrorBody(error);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other GET outside /api gets its index.html.
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.sendFile('index.html');
    return reply.status(404).send(new AppError('not_found', 'There is nothing at this address.').toBody());
  });
}
