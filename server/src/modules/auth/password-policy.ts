import {
  describeVerdict,
  loadPasswordChecker,
  type PasswordOwner,
} from '#shared/domain/passwords/strength.js';
import { AppError } from '../../lib/app-error.js';

/**
 * Refuses a weak password with a 400 naming `field` and saying why (the same verdict the dashboard shows
 * while the person types). Every place that sets a password calls this, with whose password it is.
 */
export const assertStrongPassword = async (password: string, owner: PasswordOwner, field: string) => {
  const verdict = (await loadPasswordChecker()).check(password, owner);
  if (verdict.ok) return;
  const message = describeVerdict(verdict);
  throw new AppError('validation_failed', `Choose a stronger password: ${message}`, [
    { path: field, message },
  ]);
};
