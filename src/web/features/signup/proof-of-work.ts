import { leadingZeroBits, proofInput } from '../../../shared/proof-of-work.js';

// The sign-up bot check, solved in the browser: try decimal nonces until SHA-256 of
// "<challenge>:<nonce>" starts with enough zero bits. WebCrypto only hashes asynchronously, so
// nonces go in batches, and the page gets the event loop back between batches to stay usable.

export class ProofOfWorkUnavailableError extends Error {
  constructor() {
    super('WebCrypto is not available on this page (it needs https).');
    this.name = 'ProofOfWorkUnavailableError';
  }
}

export interface SolveOptions {
  signal?: AbortSignal;
  /** Called after each batch with the number of nonces tried so far. */
  onProgress?: (tried: number) => void;
  batchSize?: number;
  subtle?: SubtleCrypto;
}

const encoder = new TextEncoder();

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How many nonces one expects to try for `bits` zero bits; the basis of the progress bar. */
export function expectedAttempts(bits: number): number {
  return 2 ** Math.max(0, bits);
}

export async function solveProofOfWork(
  challenge: string,
  bits: number,
  options: SolveOptions = {},
): Promise<string> {
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) throw new ProofOfWorkUnavailableError();
  const batchSize = options.batchSize ?? 256;
  // Far beyond any honest target; a challenge asking for more is not one to spend a day on.
  const giveUpAfter = 2 ** Math.min(Math.max(0, bits) + 8, 40);
  for (let start = 0; start < giveUpAfter; start += batchSize) {
    options.signal?.throwIfAborted();
    const nonces = Array.from({ length: batchSize }, (_, i) => String(start + i));
    const digests = await Promise.all(
      nonces.map((nonce) => subtle.digest('SHA-256', encoder.encode(proofInput(challenge, nonce)))),
    );
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest)) >= bits);
    if (found !== -1) return nonces[found] as string;
    options.onProgress?.(start + batchSize);
    await nextTask();
  }
  throw new Error(`No proof of work found for ${bits} bits.`);
}
