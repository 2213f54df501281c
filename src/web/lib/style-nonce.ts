let cached: string | undefined;

export function readStyleNonce(): string {
  cached ??= document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return cached;
}

declare global {
  var __webpack_nonce__: string | undefined;
}

/**
 * Mantine's modals lock page scrolling through react-remove-scroll, which adds its own
 * `<style>` element and takes the nonce only from the `__webpack_nonce__` global. Without it
 * the CSP blocks that element (and logs a violation) whenever a dialog opens.
 */
export function shareStyleNonce(): void {
  const nonce = readStyleNonce();
  if (nonce) globalThis.__webpack_nonce__ = nonce;
}
