import { test as base, expect } from '@playwright/test';

export const port = Number(process.env.E2E_PORT ?? 4173);

/** The browser address of a host, e.g. schoolUrl('greenwood') → http://greenwood.localhost:4173 */
export function hostUrl(host: string, path = '/'): string {
  return `http://${host}:${port}${path}`;
}

// Every page load must be free of console errors, which is where CSP violations show up.
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect };
