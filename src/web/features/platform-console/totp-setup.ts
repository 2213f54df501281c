import { hasErrorCode } from '../../lib/api-client';

// An operator without two-factor authentication enrols at sign-in: the server answers 401
// TOTP_SETUP_REQUIRED with the new secret (base32) and its otpauth:// address in the details,
// and the sign-in succeeds once a code from that secret comes back.

export interface TotpSetup {
  secret: string;
  uri: string;
}

export function totpSetupFrom(error: unknown): TotpSetup | null {
  if (!hasErrorCode(error, 'TOTP_SETUP_REQUIRED')) return null;
  const secret = error.details.find((d) => d.code === 'secret')?.message.trim();
  const uri = error.details.find((d) => d.code === 'uri')?.message.trim();
  if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) return null;
  return { secret, uri: uri?.startsWith('otpauth://') ? uri : '' };
}

/** `ABCD EFGH IJKL …`: easier to read aloud and to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
