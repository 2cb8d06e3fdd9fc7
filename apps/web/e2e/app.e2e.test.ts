// The whole product in a real browser: sign up, upload, watch indexing, search, chat with
// streaming and citations, local routing of sensitive messages, and inert hostile documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type RunningStack } from '@switchyard/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { ChatPage } from './pages/chat-page';
import { DashboardPage } from './pages/dashboard-page';
import { DocumentsPage } from './pages/documents-page';
import { KeysPage } from './pages/keys-page';
import { LoginPage } from './pages/login-page';
import { SearchPage } from './pages/search-page';

const basePort = Number(process.env.E2E_BASE_PORT ?? 17_300);
const email = 'admin@example.com';
const password = 'correct horse battery';

const handbook = {
  name: 'zephyr-handbook.md',
  mimeType: 'text/markdown',
  text: [
    '# Zephyr project handbook',
    '',
    'The Zephyr project launches on 14 March 2031 at the Rotterdam office. The launch budget is 48,000 euros and is owned by the finance team.',
    '',
    'Refunds for Zephyr subscriptions are processed within nine business days. Customers request a refund from the billing page.',
    '',
    'The Zephyr support desk answers tickets from 8:00 to 18:00 on weekdays. Urgent incidents are escalated to the on-call engineer.',
  ].join('\n'),
};

const hostile = {
  name: 'quarantine-notice.txt',
  mimeType: 'text/plain',
  text: [
    'Zanzibar quarantine notice. The Zanzibar quarantine code is <img src=x onerror="window.__xss=1;alert(1)"> and must be kept.',
    'Read the [Zanzibar quarantine policy](javascript:window.__xss=2;alert(2)) before the Zanzibar quarantine starts.',
    'The Zanzibar quarantine diagram ![Zanzibar quarantine diagram](http://evil.example/x.png) shows the Zanzibar quarantine flow.',
  ].join('\n'),
};

let stack: Pick<RunningStack, 'webUrl' | 'apiUrl' | 'stop'>;
let session: BrowserSession;
let dataDir: string | undefined;

beforeAll(async () => {
  // E2E_WEB_URL/E2E_API_URL point the tests at a stack that is already running (a fresh one:
  // the test signs up its first user); otherwise they start their own.
  if (process.env.E2E_WEB_URL && process.env.E2E_API_URL) {
    stack = { webUrl: process.env.E2E_WEB_URL, apiUrl: process.env.E2E_API_URL, stop: async () => undefined };
    session = await openBrowser(stack.webUrl, 'app');
    return;
  }
  dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-'));
  stack = await startStack({
    ports: { web: basePort, api: basePort + 1, redis: basePort + 2, chroma: basePort + 3 },
    dataDir,
    // The apps and the build inherit this process's PATH and settings (startStack passes only `env`).
    env: { ...process.env },
    log: (line) => console.log(`[stack] ${line}`),
  });
  session = await openBrowser(stack.webUrl, 'app');
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Switchyard in the browser', () => {
  it('sends a visitor of a new server to create the admin account, and that sign-up becomes the administrator', async () => {
    const { page } = session;
    await page.goto('/documents');
    await page.waitForURL(/\/login\?next=%2Fdocuments/);
    const login = new LoginPage(page);
    await page.getByRole('heading', { name: 'Create the admin account' }).waitFor();
    expect(await page.getByText('no accounts yet').count()).toBe(1);
    expect(await login.submit().innerText()).toBe('Create admin account');
    // Nobody to sign in yet: no Sign in / Create account switch.
    expect(await login.tabs().count()).toBe(0);
    await session.screenshot('first-run');

    // A weak password is refused with advice the person can act on, and creates nobody.
    await login.signUp(email, 'aaaaaaaa');
    await login.passwordAdvice().waitFor();
    expect(await login.passwordAdvice().innerText()).toMatch(/at least 12 characters[\s\S]*repeated/i);
    expect(page.url()).toMatch(/\/login/);

    await login.signUp(email, password);
    await page.waitForURL(/\/documents$/);
    await expect.poll(() => page.locator('.user-role').textContent()).toBe('Administrator');
  });

  it('uploads a document and follows its progress to ready', async () => {
    const documents = new DocumentsPage(session.page);
    await documents.open();
    await session.screenshot('documents-empty');
    await documents.upload([handbook]);
    await documents.row(handbook.name).waitFor();
    const ready = await documents.waitUntilReady(handbook.name);
    expect(ready.status).toBe('Ready');
    expect(ready.progress).toBe(100);
    expect(ready.chunks).toMatch(/^[1-9]\d* passages?$/);
    // The progress came from the server-sent events of this document.
    expect(session.requests.some((url) => url.endsWith(`/api/documents/${ready.id}/events`))).toBe(true);
    await session.screenshot('documents-ready');
  });

  it('takes several files dropped at once', async () => {
    const documents = new DocumentsPage(session.page);
    const dropped = [
      { name: 'ostrich-care.txt', mimeType: 'text/plain', text: 'Ostriches need a dry shelter, fresh water and a fenced run of at least 250 square metres per pair.' },
      { name: 'orchard-notes.txt', mimeType: 'text/plain', text: 'The pear orchard is pruned in late winter; the apple trees are thinned after the June drop.' },
    ];
    await documents.drop(dropped);
    for (const file of dropped) expect((await documents.waitUntilReady(file.name)).status).toBe('Ready');
    await session.screenshot('documents-dropped');
  });

  it('finds the document by meaning, with a score and highlighted words', async () => {
    const search = new SearchPage(session.page);
    await search.open();
    await search.search('How long do Zephyr refunds take?');
    const first = search.results().first();
    await expect.poll(() => first.locator('.result-title').textContent()).toMatch(/zephyr/i);
    expect(Number(await first.locator('.score').innerText())).toBeGreaterThan(0);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await session.screenshot('search');
  });

  it('streams a cited answer in pieces, with its route', async () => {
    const chat = new ChatPage(session.page);
    await chat.open();
    await session.screenshot('chat-empty');
    await chat.send('When does the Zephyr project launch?');
    const result = await chat.waitForAnswer();
    expect(result.text).toContain('14 March 2031');
    // Streamed: the page built the answer from several pieces as they arrived.
    expect(result.deltas).toBeGreaterThanOrEqual(3);
    expect(await result.citations.count()).toBeGreaterThan(0);
    expect(await result.citations.first().innerText()).toMatch(/zephyr/i);
    expect(result.badgeText).toMatch(/Public|Internal|Confidential/);
    expect(result.badgeText).toMatch(/\$/); // the cost of the answer
    // Screen readers hear the answer once, complete, from the status region.
    await expect.poll(() => chat.announcement()).toMatch(/^Answer: .*14 March 2031/);
    expect(await chat.liveRegionsWith('14 March 2031').count()).toBe(1);
    await session.screenshot('chat-answer');

    // The citation opens the cited passage of the document.
    await result.citations.first().click();
    await session.page.waitForURL(/\/documents\/[^/?#]+/);
    // The link names the passage by ids only: no quoted text in the URL (history, prefetches).
    expect(new URL(session.page.url()).search).toBe('');
    await session.page.locator('.passage.target').waitFor();
    expect(await session.page.locator('.passage.target').innerText()).toMatch(/14 March 2031/);
    await session.screenshot('document-passage');
  });

  it('keeps the route badge with cost, latency and cache on answers reloaded from history', async () => {
    const { page } = session;
    const chat = new ChatPage(page);
    await chat.open();
    await chat.newChat();
    // The same question again, in a new conversation: served from the cache.
    await chat.send('When does the Zephyr project launch?');
    const repeated = await chat.waitForAnswer();
    expect(repeated.text).toContain('14 March 2031');
    expect(repeated.badgeText).toContain('Cached');
    await page.waitForURL(/\/chat\?c=/);

    await chat.reload();
    const reloaded = await chat.badgeText();
    expect(reloaded).toMatch(/Public|Internal/);
    expect(reloaded).toContain('$0');
    expect(reloaded).toMatch(/\d+ ms|\d(\.\d)? s/);
    expect(reloaded).toContain('Cached');
    await session.screenshot('chat-reloaded-cached');
  });

  it('answers a message holding an email address with a local model, and says why', async () => {
    const chat = new ChatPage(session.page);
    await chat.open();
    await chat.newChat();
    // (Addresses at placeholder domains such as example.com are deliberately not treated as personal data.)
    await chat.send('Please forward the Zephyr refund rules to jane.doe@northwind-logistics.com');
    const result = await chat.waitForAnswer();
    expect(result.sensitivity).toBe('confidential');
    expect(result.local).toBe('true');
    expect(result.badgeText).toContain('Local');
    expect(result.badgeText).toContain('Confidential');
    expect(await chat.openReasons()).toMatch(/email/i);
    // Kept local, and still answered from the handbook.
    expect(result.text).toContain('Refunds for Zephyr subscriptions are processed within nine business days.');
    expect(await result.citations.count()).toBe(1);
    await session.screenshot('chat-confidential');
  });

  it('renders a hostile document inert: no script, no javascript: link, no remote image', async () => {
    const { page } = session;
    const documents = new DocumentsPage(page);
    await documents.open();
    await documents.upload([hostile]);
    await documents.row(hostile.name).waitFor();
    expect((await documents.waitUntilReady(hostile.name)).status).toBe('Ready');

    const chat = new ChatPage(page);
    await chat.open();
    await chat.newChat();
    await chat.send('What is the Zanzibar quarantine code, and what do the Zanzibar quarantine policy and diagram say?');
    const result = await chat.waitForAnswer();
    // The answer quotes the hostile passages (so the payload reached the renderer)...
    expect(result.text).toMatch(/Zanzibar/);
    expect(result.text).toMatch(/Zanzibar quarantine policy|Image: Zanzibar quarantine diagram/);
    // ...and nothing in it ran or loaded.
    // (The quoted payload may show as text, e.g. in a citation's preview; no element carries it.)
    expect(await result.answer.getByTestId('answer').locator('img, script, iframe, [onerror], a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('img[src*="evil.example"], img[src="x"]').count()).toBe(0);
    await session.screenshot('chat-hostile');

    const search = new SearchPage(page);
    await search.open();
    await search.search('Zanzibar quarantine');
    expect(await search.results().count()).toBeGreaterThan(0);
    await session.screenshot('search-hostile');

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(session.dialogs).toEqual([]);
    expect(session.requests.filter((url) => new URL(url).hostname === 'evil.example')).toEqual([]);
  });

  it('shows requests, cache, cost and latency, and provider health', async () => {
    const dashboard = new DashboardPage(session.page);
    await dashboard.open();
    await expect.poll(async () => Number((await dashboard.stat('Requests')).replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    expect(await dashboard.stat('Cache hit rate')).toMatch(/%$/);
    expect(await dashboard.charts().count()).toBeGreaterThanOrEqual(4);
    // Over time by route and by model: the confidential question went to the local tier, and
    // with no keys configured every answer came from the built-in extractive model.
    expect(await dashboard.legend('Requests by route')).toContain('local');
    expect(await dashboard.legend('Latency by model')).toContain('extractive-v1');
    expect(await session.page.getByTestId('provider-row').count()).toBeGreaterThan(0);
    await session.screenshot('dashboard');
  });

  it('creates an API key shown once that works for the REST API, and revokes it', async () => {
    const keys = new KeysPage(session.page);
    await keys.open();
    const key = await keys.create('e2e script');
    expect(key.length).toBeGreaterThan(20);
    const me = await fetch(`${stack.apiUrl}/api/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    await session.screenshot('api-keys');
    await keys.dismissNewKey();
    expect(await session.page.getByTestId('new-key').count()).toBe(0);
    await keys.revoke('e2e script');
    await expect.poll(() => keys.rows().filter({ hasText: 'e2e script' }).count()).toBe(0);
    const after = await fetch(`${stack.apiUrl}/api/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of ['/documents', '/chat', '/search?q=Zephyr%20refunds', '/dashboard']) {
      await page.goto(route);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Judge the dashboard with its numbers, charts and tables in place, not while it loads.
      if (route === '/dashboard') await page.getByTestId('provider-row').first().waitFor();
      // Charts size themselves after the first paint: judge the layout once it has settled.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: route, timeout: 3000 }).toBeLessThanOrEqual(390);
      await session.screenshot(`phone-${route.slice(1).split('?')[0]}`);
    }
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  it('switches and starts conversations on a phone', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const chat = new ChatPage(page);
      await page.goto('/chat');
      await chat.switcher().waitFor();
      // The wide screen's list is hidden; the switcher offers the same conversations.
      expect(await page.locator('aside.conversation-list').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'New chat' }).count()).toBe(1);
      await expect.poll(() => chat.switcher().locator('option').count()).toBeGreaterThanOrEqual(5);

      await chat.switchTo('Please forward the Zephyr refund rules');
      await page.waitForURL(/\/chat\?c=/);
      await page.getByTestId('message-user').filter({ hasText: 'jane.doe@northwind-logistics.com' }).waitFor();
      expect(await chat.badgeText()).toMatch(/Local.*Confidential/);
      await session.screenshot('phone-chat-switched');

      // A stored answer that was not cached keeps its cost and latency too.
      await chat.switchTo('What is the Zanzibar quarantine code');
      await page.getByTestId('message-user').filter({ hasText: 'Zanzibar quarantine code' }).waitFor();
      const hostileBadge = await chat.badgeText();
      expect(hostileBadge).toMatch(/\$\S+ \d/);
      expect(hostileBadge).not.toContain('Cached');

      await page.getByRole('button', { name: 'New chat' }).click();
      await page.getByRole('heading', { name: 'Ask your documents' }).waitFor();
      expect(await chat.switcherChoice()).toBe('New conversation');
      await chat.send('When is the Zephyr support desk open?');
      const answer = await chat.waitForAnswer();
      expect(answer.text).toMatch(/8:00/);
      await expect.poll(() => chat.switcherChoice()).toMatch(/^When is the Zephyr support desk open\?/);
      await session.screenshot('phone-chat-new');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 820 });
    }
  });

  it('signs out; sign-in then offers no sign-up (closed on this server) and refuses a wrong password', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/chat');
    await page.waitForURL(/\/login/);
    const login = new LoginPage(page);
    await login.heading().filter({ hasText: 'Sign in' }).waitFor();
    expect(await login.tabs().count()).toBe(0);
    expect(await page.getByRole('button', { name: /Create/ }).count()).toBe(0);
    expect(await page.getByText('Ask an administrator').count()).toBe(1);
    await session.screenshot('sign-in');

    await login.signIn(email, 'wrong password!');
    await expect.poll(async () => login.error().textContent()).toMatch(/do not match|invalid|incorrect/i);
    await login.signIn(email, password);
    await page.waitForURL(/\/chat$/);
    expect(session.pageErrors).toEqual([]);
  });
});
