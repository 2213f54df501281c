// The sign-up form's bot check: find a nonce such that SHA-256("<challenge>:<nonce>") starts
// with `bits` zero bits. A person's browser does this in about a second; a bot that wants
// thousands of schools pays for every one. Shared so the browser and the server count alike.

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function proofInput(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}
