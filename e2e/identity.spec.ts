import type { Page } from '@playwright/test';
import { expect, hostUrl, test } from './fixtures.js';

const PASSWORD = 'schoolhouse-demo';

async function signIn(page: Page, host: string, email: string, password = PASSWORD) {
  await page.goto(hostUrl(host, '/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('an admin invites a teacher, who accepts from the outbox and sees only teacher entries', async ({
  page,
}) => {
  const email = `new.teacher.${Date.now()}@greenwood.demo`;
  await signIn(page, 'greenwood.localhost', 'admin@greenwood.demo');
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();

  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('button', { name: 'Invite person' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Full name').fill('Nora Newteacher');
  await dialog.getByLabel('Teacher').check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();

  await nav.getByRole('link', { name: 'Outbox' }).click();
  const message = page.getByRole('article').filter({ hasText: email }).first();
  await expect(message).toBeVisible();
  const link = await message.getByRole('link').first().getAttribute('href');
  expect(link).toContain('/accept-invitation#token=');
  await signOut(page);

  await page.goto(link ?? '');
  await expect(page.getByRole('heading', { name: 'Join Greenwood High' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('nora picks a long passphrase');
  await page.getByLabel('Confirm password').fill('nora picks a long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, Nora/ })).toBeVisible();
  await signOut(page);

  await signIn(page, 'greenwood.localhost', email, 'nora picks a long passphrase');
  await expect(page.getByRole('heading', { name: /Welcome, Nora/ })).toBeVisible();
  const teacherNav = page.getByRole('navigation', { name: 'Main' });
  await expect(teacherNav.getByRole('link')).toHaveText([
    'Dashboard',
    'Students',
    'Timetable',
    'Attendance',
    'Gradebook',
    'Report cards',
    'Classes',
    'Academic structure',
    'Staff',
    'Profile',
  ]);
});

test('a guardian sees no admin entries and cannot open admin pages', async ({ page }) => {
  await signIn(page, 'greenwood.localhost', 'guardian@greenwood.demo');
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Dashboard',
    'My children',
    'Timetable',
    'Attendance',
    'Grades',
    'Report cards',
    'Profile',
  ]);
  for (const name of ['Users', 'Roles', 'Audit log', 'School settings', 'Outbox']) {
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  await page.goto(hostUrl('greenwood.localhost', '/admin/users'));
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});

test('the Arabic school renders right-to-left after sign-in', async ({ page }) => {
  await page.goto(hostUrl('alnoor.localhost', '/sign-in'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator('input[type="email"]').fill('admin@alnoor.demo');
  await page.locator('input[type="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('a greenwood session does not work on oakridge', async ({ page, context }) => {
  await signIn(page, 'greenwood.localhost', 'admin@greenwood.demo');
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
  const cookies = await context.cookies(hostUrl('greenwood.localhost'));
  const session = cookies.find((c) => c.name === 'sh_session');
  expect(session?.httpOnly).toBe(true);
  // The browser would never send it there (host-only); plant it by hand to prove the server refuses it.
  await context.addCookies([
    { name: 'sh_session', value: session?.value ?? '', url: hostUrl('oakridge.localhost') },
  ]);
  await page.goto(hostUrl('oakridge.localhost', '/'));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const status = await page.evaluate(async () => (await fetch('/api/me')).status);
  expect(status).toBe(401);
});
