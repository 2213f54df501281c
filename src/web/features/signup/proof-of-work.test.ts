import { describe, expect, it, vi } from 'vitest';

import { leadingZeroBits, proofInput } from '../../../shared/proof-of-work.js';

import { expectedAttempts, ProofOfWorkUnavailableError, solveProofOfWork } from './proof-of-work';

async function zeroBits(challenge: string, nonce: string): Promise<number> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(proofInput(challenge, nonce)),
  );
  return leadingZeroBits(new Uint8Array(digest));
}

describe('solveProofOfWork', () => {
  it('finds a decimal nonce whose hash has the leading zero bits asked for', async () => {
    const nonce = await solveProofOfWork('payload.signature', 10, { batchSize: 64 });
    expect(nonce).toMatch(/^\d+$/);
    expect(await zeroBits('payload.signature', nonce)).toBeGreaterThanOrEqual(10);
  });

  it('reports progress after each batch that found nothing', async () => {
    const onProgress = vi.fn();
    const nonce = await solveProofOfWork('another challenge', 12, { batchSize: 32, onProgress });
    const batchesBefore = Math.floor(Number(nonce) / 32);
    expect(onProgress).toHaveBeenCalledTimes(batchesBefore);
    if (batchesBefore > 0) expect(onProgress).toHaveBeenLastCalledWith(batchesBefore * 32);
  });

  it('accepts the first nonce when no work is asked for', async () => {
    expect(await solveProofOfWork('anything', 0)).toBe('0');
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      solveProofOfWork('challenge', 30, { signal: controller.signal }),
    ).rejects.toThrow();
  });

  it('says so when the page has no WebCrypto', async () => {
    const subtle = undefined as unknown as SubtleCrypto;
    vi.stubGlobal('crypto', { subtle });
    try {
      await expect(solveProofOfWork('challenge', 4)).rejects.toBeInstanceOf(
        ProofOfWorkUnavailableError,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('expectedAttempts', () => {
  it('doubles with every bit', () => {
    expect(expectedAttempts(0)).toBe(1);
    expect(expectedAttempts(10)).toBe(1024);
    expect(expectedAttempts(16)).toBe(65_536);
  });
});
