import { expect, hostUrl, port, test } from './fixtures.js';

// The deliberate 401/404/423 answers of the pages themselves are not faults.
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|404|423)/.test(e));

test('a visitor creates a school and lands signed in on its own host', async ({
  page,
  consoleErrors,
}) => {
  const slug = `e2e-${Date.now()}`;
  await page.goto(hostUrl('localhost'));
  await page.getByRole('link', { name: 'Create your school' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your school' })).toBeVisible();
  await expect(page).toHaveURL(hostUrl('localhost', '/signup'));

  await page.getByLabel('School name').fill('Endtoend Academy');
  // The address is proposed from the name until the visitor types one.
  await expect(page.getByLabel('School address')).toHaveValue('endtoend-academy');
  await page.getByLabel('School address').fill(slug);
  await expect(page.getByText(`${slug}.localhost:${port} is available.`)).toBeVisible();
  await page.getByLabel('Your name').fill('Erin Endtoend');
  await page.getByLabel('Email').fill(`erin@${slug}.example.com`);
  await page.getByLabel('Password', { exact: true }).fill('lantern orchard velvet 1987');
  await page.getByRole('button', { name: 'Create school' }).click();

  await page.waitForURL(hostUrl(`${slug}.localhost`, '/'));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome, Erin Endtoend' }),
  ).toBeVisible();
  await expect(page.getByText('Your school is ready')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Users', 'Roles', 'Audit log', 'School settings', 'Custom domains']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  const school = await page.evaluate(async () => (await fetch('/api/school')).json());
  expect(school).toMatchObject({ slug, name: 'Endtoend Academy' });
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('the address check says when an address is taken or reserved', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(hostUrl('localhost', '/signup'));
  const address = page.getByLabel('School address');

  await address.fill('greenwood');
  await expect(page.getByText(`greenwood.localhost:${port} is already taken.`)).toBeVisible();

  await address.fill('admin');
  await expect(page.getByText(`admin.localhost:${port} is reserved.`)).toBeVisible();

  await address.fill('a--b');
  await expect(page.getByText('Do not put two hyphens next to each other.')).toBeVisible();
  expect(unexpected(consoleErrors)).toEqual([]);
});

test('a sign-in link that was already used sends the admin to sign in', async ({ page }) => {
  await page.goto(hostUrl('greenwood.localhost', '/welcome#token=abcdefghijklmnopqrstuvwxyz0123'));
  await expect(page.getByText('This sign-in link is no longer valid')).toBeVisible();
  // The token never stays in the address bar.
  expect(page.url()).not.toContain('token=');
  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
