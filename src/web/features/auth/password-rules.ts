import type { TFunction } from 'i18next';

import { PASSWORD_MIN_LENGTH } from '../../lib/validation';

/** The checks every "choose a new password" form makes before sending. */
export function newPasswordErrors(
  t: TFunction,
  password: string,
  confirmPassword: string,
): { password?: string; confirmPassword?: string } {
  const errors: { password?: string; confirmPassword?: string } = {};
  if (!password) errors.password = t('validation.required');
  else if (password.length < PASSWORD_MIN_LENGTH) {
    errors.password = t('validation.passwordMin', { min: PASSWORD_MIN_LENGTH });
  }
  if (!confirmPassword) errors.confirmPassword = t('validation.required');
  else if (password && confirmPassword !== password) {
    errors.confirmPassword = t('validation.passwordMismatch');
  }
  return errors;
}
