// Stopping an answer mid-stream, against a slow generative model (the fake OpenAI server):
// the text arrives piece by piece through the web proxy, and Stop cancels it all the way to the
// provider. On a desktop and on a phone; with a generative model connected, the chat offers it in
// the model picker and says nothing about quoted answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { startStack, type RunningStack } from '@switchyard/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './browser';
import { ChatPage } from './pages/chat-page';
import { LoginPage } from './pages/login-page';

const basePort = Number(process.env.E2E_BASE_PORT ?? 17_300) + 10;
const reply = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');

let fake: FakeLlm;
let stack: RunningStack | undefined;
let session: BrowserSession | undefined;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeLlm();
  fake.setBehavior({ mode: 'ok', reply, chunkDelayMs: 150 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-stop-'));
  stack = await startStack({
    ports: { web: basePort, api: basePort + 1, redis: basePort + 2, chroma: basePort + 3 },
    dataDir,
    apps: ['api', 'web'],
    env: { ...process.env, OPENAI_API_KEY: 'sk-fake-e2e', OPENAI_BASE_URL: fake.openaiBaseURL },
  });
  session = await openBrowser(stack.webUrl, 'stop');
});

afterAll(async () => {
  await session?.close();
  await stack?.stop();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('Stop', () => {
  it.each(viewports)('shows a slow answer as it streams and cancels it at the provider ($name)', async (viewport) => {
    let page: Page;
    if (viewport.name === 'desktop') {
      page = session!.page;
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto('/login');
      await new LoginPage(page).signUp('stop@example.com', 'correct horse battery');
      await page.waitForURL(/\/chat/);
    } else {
      const context = await session!.browser.newContext({ baseURL: stack!.webUrl, viewport: { width: viewport.width, height: viewport.height }, isMobile: true, hasTouch: true });
      page = await context.newPage();
      const login = new LoginPage(page);
      await login.open();
      await login.signIn('stop@example.com', 'correct horse battery');
      await page.waitForURL(/\/chat/);
    }

    const chat = new ChatPage(page);
    // A generative model is connected: it is offered, and answers are not said to be quotes.
    await expect.poll(async () => (await chat.modelPicker().locator('option').allInnerTexts()).filter((text) => text !== 'Automatic' && !/extractive/.test(text)).length).toBeGreaterThan(0);
    expect(await chat.banner().count()).toBe(0);

    const abortedBefore = fake.requests.filter((request) => request.aborted).length;
    await chat.useDocuments(false);
    await chat.send(`What is the capital of France? (${viewport.name})`);
    const partial = await chat.waitForPieces(3);
    expect(partial).toContain('word0');
    expect(partial).not.toContain('word39');
    // The streamed pieces are not read out one by one: no live region holds the partial answer.
    expect(await chat.liveRegionsWith('word0').count()).toBe(0);
    expect(await chat.announcement()).toBe('');
    if (viewport.name === 'desktop') await session!.screenshot('chat-streaming');

    await chat.stop();
    const result = await chat.waitForAnswer();
    expect(result.text).toContain('Stopped before the answer was complete');
    expect(await chat.announcement()).toBe('Stopped before the answer was complete.');
    expect(result.text).not.toContain('word39');
    expect(result.local).toBe('false'); // a cloud route: the fake OpenAI server answered
    // The provider saw its request cancelled: Stop travelled browser -> web proxy -> API -> provider.
    await fake.waitFor((requests) => requests.filter((request) => request.path.includes('/chat/completions') && request.aborted).length > abortedBefore, 10_000);
    // The message box is ready for the next question.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    if (viewport.name === 'desktop') await session!.screenshot('chat-stopped');
    else await page.context().close();
  });
});
