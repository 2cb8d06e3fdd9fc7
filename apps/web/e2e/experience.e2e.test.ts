// The chat and documents experience of issue 17, in Chromium on a desktop (1280×800) and a phone
// (390×844), against the whole stack with no model configured (the built-in extractive one):
// chat (streaming that visibly grows, copy, regenerate, edit and resend with versions, rename,
// search, delete with undo, focus, the model picker and the "answers are quotes" banner),
// documents (per-file upload results, title and label, preview of the original, download,
// citations that preview and highlight), whole-word search highlighting, dark mode, icons,
// landmarks, the dashboard's axes and usage scopes, and an axe scan of every page with
// screenshots in light and dark.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type RunningStack } from '@switchyard/stack';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './axe';
import { openBrowser, type BrowserSession } from './browser';
import { apiCall, handbook, orchardGuide, travelPolicy, uploadAndWait, type UploadFile } from './fixtures';
import { ChatPage } from './pages/chat-page';
import { DocumentPage } from './pages/document-page';
import { LoginPage } from './pages/login-page';
import { SearchPage } from './pages/search-page';

const basePort = Number(process.env.E2E_BASE_PORT ?? 17_300) + 20;
const screenshotsDir = path.resolve(import.meta.dirname, 'screenshots');
const password = 'correct horse battery';
const admin = { email: 'admin@example.com', token: '' };
const member = { email: 'member@example.com', token: '' };
const documentIds: Record<string, string> = {};

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Viewport = (typeof viewports)[number];

let stack: RunningStack;
let session: BrowserSession;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-experience-'));
  stack = await startStack({
    ports: { web: basePort, api: basePort + 1, redis: basePort + 2, chroma: basePort + 3 },
    dataDir,
    // One person clicking through every page on two screens, all from one address: far more
    // requests a minute than the default per-user and per-address limits allow.
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '100000' },
    log: (line) => console.log(`[stack] ${line}`),
  });
  const signup = await fetch(`${stack.apiUrl}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin.email, password }) });
  admin.token = ((await signup.json()) as { token: string }).token;
  await apiCall(stack.apiUrl, admin.token, '/api/users', { method: 'POST', body: JSON.stringify({ email: member.email, password, role: 'user' }) });
  const login = await fetch(`${stack.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: member.email, password }) });
  member.token = ((await login.json()) as { token: string }).token;
  for (const document of await uploadAndWait(stack.apiUrl, admin.token, [handbook, travelPolicy, orchardGuide])) documentIds[document.filename] = document.id;
  session = await openBrowser(stack.webUrl, 'experience');
  mkdirSync(screenshotsDir, { recursive: true });
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every URL the browser contexts of this file requested. */
const requested: string[] = [];

/** A signed-in browser context of its own, at the given size. */
async function signedIn(viewport: Viewport, who: { email: string } = admin): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({
    baseURL: stack.webUrl,
    viewport: { width: viewport.width, height: viewport.height },
    ...(viewport.name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.webUrl });
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(who.email, password);
  await page.waitForURL(/\/chat/);
  return { context, page };
}

async function uploadThroughPicker(page: Page, files: UploadFile[]) {
  await page.getByLabel('Choose files to upload').setInputFiles(files.map((file) => ({ name: file.name, mimeType: file.mimeType, buffer: file.data })));
}

describe.each(viewports)('on a $name screen', (viewport) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedIn(viewport));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens the chat ready to type, says answers are quotes until a model is connected, and offers the models the policy allows', async () => {
    const chat = new ChatPage(page);
    await page.goto('/chat');
    await chat.input().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    // The banner links administrators to where a model is connected.
    await chat.banner().waitFor();
    expect(await chat.banner().innerText()).toMatch(/quotes from your documents/i);
    expect(await chat.banner().getByRole('link', { name: /Providers page/ }).getAttribute('href')).toBe('/providers');
    // Automatic, plus each model the policy would use: here only the built-in extractive one.
    await expect.poll(() => chat.modelPicker().locator('option').allInnerTexts()).toEqual(['Automatic', expect.stringMatching(/extractive/)]);
    await chat.modelPicker().selectOption({ index: 1 });
    await chat.modelPicker().selectOption('');
    expect(await page.locator('main').count()).toBe(1);
  });

  it('streams an answer that visibly grows, copies it, and regenerates it with the earlier version one click away', async () => {
    const chat = new ChatPage(page);
    await chat.newChat();
    await chat.recordPaints();
    await chat.send('When does the Zephyr project launch, and who owns the launch budget?');
    const first = await chat.waitForAnswer();
    expect(first.text).toContain('14 March 2031');
    // Painted in several steps as it arrived, not all at once.
    const lengths = await chat.paintedLengths();
    expect(lengths.length, `painted at ${lengths.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect(Number(await first.answer.getByTestId('answer').getAttribute('data-paints'))).toBeGreaterThanOrEqual(3);

    await chat.copyLastAnswer();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('14 March 2031');
    await expect.poll(() => page.getByTestId('chat-feedback').textContent()).toBe('Answer copied');

    await chat.regenerate();
    await chat.waitForStreamEnd();
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 2 of 2');
    const regenerated = await chat.badgeText();
    expect(regenerated).not.toContain('Cached'); // asked again, not served from the cache
    expect(await chat.answers().last().getByTestId('answer').innerText()).toContain('14 March 2031');
    await chat.previousVersion();
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 1 of 2');
    await chat.nextVersion();
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 2 of 2');
    await session.screenshot(`${viewport.name}-chat-regenerated`);
  });

  it('edits a question and resends it, keeping the earlier question and answer reachable', async () => {
    const chat = new ChatPage(page);
    await chat.editLastQuestion('How long do Zephyr refunds take?');
    await chat.waitForStreamEnd();
    await expect.poll(() => page.getByTestId('message-user').last().innerText()).toContain('How long do Zephyr refunds take?');
    expect(await chat.answers().last().getByTestId('answer').innerText()).toMatch(/nine business days/);
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 3 of 3');
    await chat.previousVersion();
    await chat.previousVersion();
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 1 of 3');
    expect(await page.getByTestId('message-user').last().innerText()).toContain('When does the Zephyr project launch');
    expect(await chat.answers().last().getByTestId('answer').innerText()).toContain('14 March 2031');
    // Reloading shows the same version.
    await chat.reload();
    expect(await page.getByTestId('message-user').last().innerText()).toContain('When does the Zephyr project launch');
    await expect.poll(() => chat.versionPosition().textContent()).toBe('Version 1 of 3');
  });

  it('previews a cited passage on hover and opens the document on the highlighted passage', async () => {
    const chat = new ChatPage(page);
    const answer = chat.answers().last();
    const marker = answer.locator('.cite-ref a').first();
    await marker.waitFor();
    const preview = answer.getByTestId('citation-preview').first();
    expect(await preview.isVisible()).toBe(false);
    if (viewport.name === 'phone') await marker.focus();
    else await marker.hover();
    await preview.waitFor({ state: 'visible' });
    // The document's title, the passage, and the words quoted from it (as in the first source).
    const quote = (await answer.getByTestId('citation').first().locator('.citation-quote').innerText()).trim();
    expect(quote.length).toBeGreaterThan(10);
    expect(await preview.innerText()).toMatch(/^Zephyr.* · passage \d+\n/i);
    expect(await preview.innerText()).toContain(quote);
    await session.screenshot(`${viewport.name}-citation-preview`);

    await answer.getByTestId('citation').first().click();
    await page.waitForURL(/\/documents\/[^/?#]+#chunk-\d+$/);
    const documentPage = new DocumentPage(page);
    await documentPage.targetPassage().waitFor();
    expect(await documentPage.targetPassage().innerText()).toMatch(/14 March 2031/);
    // The passage is in view, highlighted unlike the others.
    const look = (element: Element) => `${getComputedStyle(element).backgroundColor} ${getComputedStyle(element).boxShadow}`;
    const targetLook = await documentPage.targetPassage().evaluate(look);
    expect(targetLook).toMatch(/rgb/);
    for (const other of await page.locator('.passage:not(.target)').all()) expect(await other.evaluate(look)).not.toBe(targetLook);
    await expect.poll(() => documentPage.targetPassage().evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    })).toBe(true);
  });

  it('renames, finds, deletes and restores conversations', async () => {
    const chat = new ChatPage(page);
    await page.goto('/chat');
    await chat.input().waitFor();
    await chat.send(`What are the support desk hours? (${viewport.name})`);
    await chat.waitForAnswer();
    const title = `What are the support desk hours? (${viewport.name})`;
    const renamed = `Support hours ${viewport.name}`;
    await chat.renameConversation(title, renamed);
    await expect.poll(() => chat.conversationItems().filter({ hasText: renamed }).count()).toBe(1);

    // Search finds what was said, not only titles (the renamed title no longer says "desk hours").
    await chat.searchConversations('DESK HOURS');
    expect(await chat.conversationItems().count()).toBeGreaterThanOrEqual(1);
    const found = chat.conversationItems().filter({ hasText: renamed });
    expect(await found.getByTestId('conversation-snippet').innerText()).toMatch(/support desk hours\? \(/i);
    await chat.searchConversations('no conversation says quetzalcoatl');
    expect(await chat.conversationItems().count()).toBe(0);
    const list = await chat.openConversations();
    await list.getByLabel('Search conversations').fill('');
    await expect.poll(() => chat.conversationItems().filter({ hasText: renamed }).count()).toBe(1);
    await session.screenshot(`${viewport.name}-conversations`);

    await chat.deleteConversation(renamed);
    await chat.undoToast().waitFor();
    expect(await chat.undoToast().innerText()).toContain(renamed);
    await expect.poll(() => chat.conversationItems().filter({ hasText: renamed }).count()).toBe(0);
    await chat.undoToast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => chat.conversationItems().filter({ hasText: renamed }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('chat-feedback').textContent()).toContain('Restored');
  });

  it('uploads a batch with a bad file: the others are accepted, and each file is named with what happened to it', async () => {
    await page.goto('/documents');
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    const stamp = viewport.name;
    await uploadThroughPicker(page, [
      { name: `notes-${stamp}.txt`, mimeType: 'text/plain', data: Buffer.from('Greenhouse notes: tomatoes need 24 degrees.') },
      { name: 'empty.txt', mimeType: 'text/plain', data: Buffer.alloc(0) },
      { name: 'animation.gif', mimeType: 'image/gif', data: Buffer.from('474946383961010001000000002c00000000010001000002024401003b', 'hex') },
    ]);
    const results = page.getByTestId('upload-results');
    await results.waitFor();
    expect(await results.innerText()).toContain('1 of 3 files uploaded');
    const lines = await page.getByTestId('upload-result').allInnerTexts();
    expect(lines[0]).toMatch(new RegExp(`notes-${stamp}\\.txt uploaded`));
    expect(lines[1]).toMatch(/^\W*empty\.txt is empty/); // the name as written, not "Empty.txt"
    expect(lines[2]).toMatch(/animation\.gif is not a supported type/);
    await page.getByTestId('document-row').filter({ hasText: `notes-${stamp}.txt` }).waitFor();
    await session.screenshot(`${viewport.name}-upload-results`);
  });

  it('renames a document, sets its label, previews the original and downloads it', async () => {
    const documentPage = new DocumentPage(page);
    await documentPage.open(documentIds[handbook.name]!);
    const title = `Zephyr handbook (${viewport.name})`;
    await documentPage.rename(title);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await documentPage.setLabel('Internal');
    expect(await page.getByTestId('label-set-by').innerText()).toMatch(/Label set to internal by you/);

    const preview = await documentPage.showOriginal();
    expect(await preview.getAttribute('data-kind')).toBe('markdown');
    expect(await preview.getByRole('heading', { name: 'Zephyr project handbook' }).count()).toBe(1);
    expect(await preview.getByRole('heading', { name: 'Refunds' }).count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), documentPage.download().click()]);
    expect(download.suggestedFilename()).toBe(handbook.name);
    const saved = path.join(dataDir, `download-${viewport.name}.md`);
    await download.saveAs(saved);
    expect((await import('node:fs')).readFileSync(saved, 'utf8')).toBe(handbook.data.toString('utf8'));
    await session.screenshot(`${viewport.name}-document-preview`);
  });

  it('previews an HTML file as inert text and a PDF as drawn pages', async () => {
    const documentPage = new DocumentPage(page);
    await documentPage.open(documentIds[travelPolicy.name]!);
    const html = await documentPage.showOriginal();
    expect(await html.getAttribute('data-kind')).toBe('html');
    expect(await html.getByRole('heading', { name: 'Kestrel travel policy' }).count()).toBe(1);
    expect(await html.innerText()).toContain('Hotels up to 160 euros a night');
    expect(await html.locator('script, img, style').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __htmlPreviewRan?: boolean }).__htmlPreviewRan)).toBeUndefined();
    expect(requested.filter((url) => url.includes('evil.example'))).toEqual([]);

    await documentPage.open(documentIds[orchardGuide.name]!);
    const pdf = await documentPage.showOriginal();
    expect(await pdf.getAttribute('data-kind')).toBe('pdf');
    const pageCanvas = pdf.getByTestId('pdf-page').first();
    await expect.poll(() => pageCanvas.getAttribute('data-drawn'), { timeout: 20_000 }).toBe('true');
    expect(await pageCanvas.getAttribute('aria-label')).toBe('Page 1 of 1');
    // Text was drawn: the page is not blank white.
    const inked = await pageCanvas.evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let index = 0; index < data.length; index += 4) if (data[index]! < 128 && data[index + 3]! > 0) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(200);
    await session.screenshot(`${viewport.name}-pdf-preview`);
  });

  it('highlights whole words in search results and says when nothing is relevant', async () => {
    const search = new SearchPage(page);
    await page.goto('/search');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    await search.search('Who approves days off?');
    const marks = await search.results().locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    // "off" and "days" marked as words; never the "Off" of "Office".
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^(approves|days|off)$/);
    const snippet = await search.results().first().locator('.snippet').innerText();
    if (/Office/.test(snippet)) expect(marks.map((mark) => mark.toLowerCase())).not.toContain('office');

    await search.search('quantum chromodynamics lattice gauge');
    await page.getByTestId('search-no-results').waitFor();
    expect(await search.results().count()).toBe(0);
  });

  it('follows the system theme and keeps a chosen one', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/documents');
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).not.toBe(light);
    const dark = await background();

    // Chosen: light while the system is dark, kept across a reload.
    const toggle = page.getByTestId('theme-toggle');
    await expect.poll(() => toggle.getAttribute('data-theme-shown')).toBe('dark');
    await toggle.click();
    await expect.poll(background).toBe(light);
    await page.reload();
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    expect(await background()).toBe(light);
    // Choosing what the system shows goes back to following it.
    await page.getByTestId('theme-toggle').click();
    await expect.poll(background).toBe(dark);
    expect(await page.evaluate(() => localStorage.getItem('switchyard-theme'))).toBeNull();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe(light);
  });
});

describe('icons and usage', () => {
  it('serves a favicon and app icons', async () => {
    const favicon = await fetch(`${stack.webUrl}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const manifest = (await (await fetch(`${stack.webUrl}/manifest.webmanifest`)).json()) as { icons: { src: string }[] };
    for (const icon of manifest.icons) expect((await fetch(`${stack.webUrl}${icon.src}`)).status, icon.src).toBe(200);
    const { page } = session;
    await page.goto('/login');
    const links = await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
    expect(links.some((href) => href.includes('favicon.ico') || href.includes('icon'))).toBe(true);
    for (const href of links) expect((await fetch(new URL(href, stack.webUrl))).status, href).toBe(200);
  });

  it('shows members their own usage and lets administrators switch between theirs and everyone’s', async () => {
    // The member asks two questions of their own (and has no documents).
    for (const message of ['Hello there', 'What can you do?']) {
      await apiCall(stack.apiUrl, member.token, '/api/chat', { method: 'POST', body: JSON.stringify({ message, useDocuments: false }) });
    }
    const requestsShown = async (page: Page) => Number((await page.locator('.stat').filter({ hasText: 'Requests' }).locator('.stat-value').innerText()).replace(/\D/g, ''));
    const memberView = await signedIn(viewports[0], member);
    try {
      await memberView.page.goto('/dashboard');
      await memberView.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await expect.poll(() => requestsShown(memberView.page), { timeout: 20_000 }).toBe(2);
      expect(await memberView.page.getByTestId('stats-scope').innerText()).toMatch(/^Your requests/);
      expect(await memberView.page.getByRole('group', { name: 'Whose usage' }).count()).toBe(0);
    } finally {
      await memberView.context.close();
    }

    const adminView = await signedIn(viewports[0]);
    try {
      const { page } = adminView;
      await page.goto('/dashboard');
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('stats-scope').innerText()).toMatch(/^Everyone/);
      await expect.poll(() => requestsShown(page), { timeout: 20_000 }).toBeGreaterThan(2);
      const everyone = await requestsShown(page);
      await page.getByRole('button', { name: 'Only me' }).click();
      await expect.poll(() => page.getByTestId('stats-scope').innerText()).toMatch(/^Your requests/);
      await expect.poll(() => requestsShown(page)).toBe(everyone - 2);
      await page.getByRole('button', { name: 'Everyone' }).click();
      await expect.poll(() => requestsShown(page)).toBe(everyone);

      // Axes: every latency tick label says something different; route and model names never overlap.
      await page.locator('.chart-card svg.recharts-surface').first().waitFor();
      const axes = await page
        .locator('.chart-card .recharts-yAxis')
        .evaluateAll((elements) => elements.map((axis) => [...axis.querySelectorAll('.recharts-cartesian-axis-tick text')].map((text) => text.textContent ?? '')));
      expect(axes.length).toBeGreaterThanOrEqual(6); // the charts' left and right axes
      for (const labels of axes) expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
      for (const title of ['By route', 'By model']) {
        const boxes = await page
          .locator('.chart-card')
          .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
          .locator('.fitted-tick text')
          .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect()).map((box) => ({ left: box.left, right: box.right })));
        expect(boxes.length, title).toBeGreaterThan(0);
        for (let index = 1; index < boxes.length; index++) expect(boxes[index]!.left + 1, title).toBeGreaterThanOrEqual(boxes[index - 1]!.right);
      }
    } finally {
      await adminView.context.close();
    }
  });
});

/** Every page of the app, as an administrator sees it, and what shows it is ready. */
const pages: { name: string; path: () => string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'chat', path: () => '/chat', ready: (page) => page.getByLabel('Message', { exact: true }).waitFor() },
  {
    name: 'chat-answer',
    path: () => '/chat',
    ready: async (page) => {
      const chat = new ChatPage(page);
      await chat.input().waitFor();
      const list = page.getByRole('region', { name: 'Conversations' });
      const switcher = page.getByLabel('Conversation', { exact: true });
      if (await switcher.isVisible()) await switcher.selectOption({ index: 1 });
      else await list.locator('.conversation-open').first().click();
      await chat.answers().first().getByTestId('route-badge').waitFor();
    },
  },
  { name: 'documents', path: () => '/documents', ready: (page) => page.getByTestId('document-row').first().waitFor() },
  { name: 'document', path: () => `/documents/${documentIds[handbook.name]}`, ready: (page) => page.getByTestId('passage').first().waitFor() },
  { name: 'search', path: () => '/search?q=Zephyr%20refunds', ready: (page) => page.getByTestId('search-result').first().waitFor() },
  { name: 'dashboard', path: () => '/dashboard', ready: (page) => page.getByTestId('provider-row').first().waitFor() },
  { name: 'models', path: () => '/models', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { name: 'keys', path: () => '/keys', ready: (page) => page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor() },
  { name: 'providers', path: () => '/providers', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { name: 'policy', path: () => '/policy', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { name: 'users', path: () => '/users', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
  { name: 'audit', path: () => '/audit', ready: (page) => page.getByRole('heading', { level: 1 }).first().waitFor() },
];

describe('every page', () => {
  for (const viewport of viewports) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has a main landmark, a heading and no accessibility violations of moderate or higher impact (${viewport.name}, ${scheme})`, async () => {
        const { context, page } = await signedIn(viewport);
        const found: Record<string, string[]> = {};
        try {
          await page.emulateMedia({ colorScheme: scheme });
          for (const target of pages) {
            await page.goto(target.path());
            await target.ready(page);
            // Charts and late data settle before the scan and the picture.
            await page.waitForLoadState('networkidle');
            expect(await page.locator('main').count(), target.name).toBe(1);
            expect(await page.getByRole('heading', { level: 1 }).count(), target.name).toBeGreaterThanOrEqual(1);
            const violations = await accessibilityViolations(page);
            if (violations.length > 0) found[target.name] = violations;
            await page.screenshot({ path: path.join(screenshotsDir, `${target.name}-${viewport.name}-${scheme}.png`) });
          }
          // Signed out: the sign-in page.
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.waitForURL(/\/login/);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          expect(await page.locator('main').count()).toBe(1);
          const violations = await accessibilityViolations(page);
          if (violations.length > 0) found.login = violations;
          await page.screenshot({ path: path.join(screenshotsDir, `login-${viewport.name}-${scheme}.png`) });
        } finally {
          await context.close();
        }
        expect(found).toEqual({});
      });
    }
  }
});
