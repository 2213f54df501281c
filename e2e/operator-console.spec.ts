import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { expect, hostUrl, test } from './fixtures.js';

// The demo operator and its published two-factor secret (src/server/modules/schools/demo-seed.ts).
const OPERATOR_EMAIL = 'operator@schoolhouse.demo';
const OPERATOR_PASSWORD = 'schoolhouse-demo';
const OPERATOR_SECRET = 'SCHOOLHOUSEDEMOOPERATOR2FA234567';

function totpCode(secret: string): string {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate();
}

const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|404|423)/.test(e));

async function signInOperator(page: Page) {
  await page.goto(hostUrl('admin.localhost'));
  await expect(page.getByRole('heading', { name: 'Operator sign-in' })).toBeVisible();
  await page.getByLabel('Email').fill(OPERATOR_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(OPERATOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  // The demo operator is enrolled with the published secret: no set-up step.
  await expect(page.getByRole('region', { name: 'Set up two-factor authentication' })).toHaveCount(
    0,
  );
  await code.fill(totpCode(OPERATOR_SECRET));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
}

test('an operator suspends a school, which closes at once, and reactivates it', async ({
  page,
  browser,
  consoleErrors,
}) => {
  // A visitor of the school, in a browser session of their own.
  const visitor = await browser.newContext();
  const school = await visitor.newPage();
  await school.goto(hostUrl('oakridge.localhost'));
  await expect(school.getByRole('heading', { level: 1, name: 'Oakridge Academy' })).toBeVisible();

  await page.bringToFront();
  await signInOperator(page);
  await page.getByLabel('Search schools').fill('oakridge');
  // The search goes into the address; then the list shows only the matching school.
  await expect(page).toHaveURL(/[?&]q=oakridge/);
  await expect(page.getByRole('link', { name: 'Greenwood High' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Oakridge Academy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakridge Academy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Usage in the last 30 days' })).toBeVisible();

  await page.getByRole('button', { name: 'Suspend', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Suspend school' }).click();
  // A reason is required before anything is sent.
  await expect(dialog.getByText('Give a reason of at least 5 characters.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Unpaid invoices, end-to-end check');
  await dialog.getByRole('button', { name: 'Suspend school' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Oakridge Academy is now suspended.')).toBeVisible();

  await school.bringToFront();
  const closed = await school.reload();
  expect(closed?.status()).toBe(423);
  await expect(
    school.getByRole('heading', { name: 'This school is temporarily unavailable' }),
  ).toBeVisible();

  await page.bringToFront();
  await page.getByRole('button', { name: 'Reactivate', exact: true }).click();
  await dialog.getByLabel('Reason').fill('Invoices paid, end-to-end check');
  await dialog.getByRole('button', { name: 'Reactivate school' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Oakridge Academy is active again.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suspend', exact: true })).toBeVisible();

  await school.bringToFront();
  const open = await school.reload();
  expect(open?.status()).toBe(200);
  await expect(school.getByRole('heading', { level: 1, name: 'Oakridge Academy' })).toBeVisible();
  await visitor.close();

  // Both changes are in the status history and the operator audit log, with their reasons.
  await expect(page.getByRole('cell', { name: 'Invoices paid, end-to-end check' })).toHaveCount(2);
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('the console header leads to schools, domains and the audit log', async ({ page }) => {
  await signInOperator(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Domains' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'operator.signed_in' }).first()).toBeVisible();
  await nav.getByRole('link', { name: 'Schools' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schools' })).toBeVisible();
});
