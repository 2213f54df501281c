import { describe, expect, it } from 'vitest';

import { ApiError } from '../../lib/api-client';

import { groupSecret, totpSetupFrom } from './totp-setup';

const URI =
  'otpauth://totp/Schoolhouse:op%40example.com?issuer=Schoolhouse&secret=JBSWY3DPEHPK3PXP';

function setupError(details: { field: string; code: string; message: string }[]) {
  return new ApiError({
    status: 401,
    code: 'TOTP_SETUP_REQUIRED',
    message: 'Set up two-factor authentication to continue.',
    details,
  });
}

describe('totpSetupFrom', () => {
  it('reads the secret and the otpauth address from the details', () => {
    const error = setupError([
      { field: 'totp', code: 'secret', message: 'JBSWY3DPEHPK3PXP' },
      { field: 'totp', code: 'uri', message: URI },
    ]);
    expect(totpSetupFrom(error)).toEqual({ secret: 'JBSWY3DPEHPK3PXP', uri: URI });
  });

  it('needs a base32 secret', () => {
    expect(totpSetupFrom(setupError([{ field: 'totp', code: 'secret', message: 'not!' }]))).toBe(
      null,
    );
    expect(totpSetupFrom(setupError([]))).toBeNull();
  });

  it('drops an address that is not an otpauth one', () => {
    const error = setupError([
      { field: 'totp', code: 'secret', message: 'JBSWY3DPEHPK3PXP' },
      { field: 'totp', code: 'uri', message: 'javascript:alert(1)' },
    ]);
    expect(totpSetupFrom(error)?.uri).toBe('');
  });

  it('ignores other errors', () => {
    expect(totpSetupFrom(new ApiError({ status: 401, code: 'TOTP_REQUIRED', message: '' }))).toBe(
      null,
    );
    expect(totpSetupFrom(new Error('boom'))).toBeNull();
  });
});

describe('groupSecret', () => {
  it('groups the secret in fours', () => {
    expect(groupSecret('SCHOOLHOUSEDEMOOPERATOR2FA234567')).toBe(
      'SCHO OLHO USED EMOO PERA TOR2 FA23 4567',
    );
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});
