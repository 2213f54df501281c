let cached: string | undefined;

export function readStyleNonce(): string {
  cached ??= document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return cached;
}
