import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, proofInput } from './proof-of-work.js';

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x10]))).toBe(11);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('finds a nonce a verifier accepts', () => {
    let nonce = 0;
    const digest = (n: number) =>
      createHash('sha256')
        .update(proofInput('abc', String(n)))
        .digest();
    while (leadingZeroBits(digest(nonce)) < 8) nonce++;
    expect(leadingZeroBits(digest(nonce))).toBeGreaterThanOrEqual(8);
  });
});
