import { expect, hostUrl, test } from './fixtures.js';

// Resource errors for the deliberate 404/423 statuses of the document itself are expected.
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|404|423)/.test(e));

test('a school host shows that school with its branding', async ({ page, consoleErrors }) => {
  const response = await page.goto(hostUrl('greenwood.localhost'));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Greenwood High' })).toBeVisible();
  await expect(page).toHaveTitle('Greenwood High');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('an unknown school host shows the not-found page and names no school', async ({
  page,
  consoleErrors,
}) => {
  const response = await page.goto(hostUrl('nowhere.localhost'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'School not found' })).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const name of ['Greenwood', 'Oakridge', 'Al-Noor', 'Closedwood'])
    expect(text).not.toContain(name);
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('the Arabic school renders right-to-left', async ({ page, consoleErrors }) => {
  await page.goto(hostUrl('alnoor.localhost'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'Al-Noor School' })).toBeVisible();
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('a suspended school shows the suspended page with status 423', async ({ page }) => {
  const response = await page.goto(hostUrl('closedwood.localhost'));
  expect(response?.status()).toBe(423);
  await expect(
    page.getByRole('heading', { name: 'This school is temporarily unavailable' }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Closedwood');
});

test('the marketing site links to the demo schools', async ({ page, consoleErrors }) => {
  await page.goto(hostUrl('localhost'));
  await expect(page.getByRole('heading', { level: 1, name: 'Schoolhouse' })).toBeVisible();
  const link = page.getByRole('link', { name: /Greenwood High/ });
  await expect(link).toHaveAttribute('href', hostUrl('greenwood.localhost').replace(/\/$/, ''));
  await expect(page.getByRole('link', { name: /Closedwood/ })).toHaveCount(0);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Greenwood High' })).toBeVisible();
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('the platform host serves the operator console', async ({ page }) => {
  await page.goto(hostUrl('admin.localhost'));
  await expect(page.getByRole('heading', { name: 'Schoolhouse operator console' })).toBeVisible();
});

test('the page and its API agree on the school, from the host alone', async ({ page }) => {
  await page.goto(hostUrl('oakridge.localhost'));
  const profile = await page.evaluate(async () => (await fetch('/api/school')).json());
  expect(profile).toMatchObject({ slug: 'oakridge', name: 'Oakridge Academy' });
});
