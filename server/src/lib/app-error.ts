import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorIssue } from '#shared/errors.js';

/** The one error type services throw; the error handler turns it into the shared error body. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** A stale update's record as it is now (ErrorBody `current`). */
    readonly current?: ErrorBody['error']['current'],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError('not_found', id ? `${entity} ${id} was not found` : `${entity} was not found`);

export const forbidden = (message = 'Your role does not allow this action') =>
  new AppError('forbidden', message);

export const conflict = (message: string, path?: string) =>
  new AppError('conflict', message, path ? [{ path, message }] : undefined);

export const unprocessable = (message: string, path?: string) =>
  new AppError('unprocessable', message, path ? [{ path, message }] : undefined);

export const unauthenticated = (message = 'Sign in to continue') => new AppError('unauthenticated', message);
