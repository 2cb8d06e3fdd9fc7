// Draws the app icons from app/icon.svg with Chromium: public/icon-192.png and icon-512.png (the
// web manifest), app/apple-icon.png (180 px) and app/favicon.ico (16, 32 and 48 px PNGs in one
// ICO). Run after changing the SVG, from apps/web: `npx tsx scripts/make-icons.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const appDir = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(appDir, 'app/icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function render(size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const sized = svg.replace(/width="64" height="64"/, `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

/** An ICO file holding PNG images (supported by every current browser). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

try {
  writeFileSync(path.join(appDir, 'public/icon-192.png'), await render(192));
  writeFileSync(path.join(appDir, 'public/icon-512.png'), await render(512));
  writeFileSync(path.join(appDir, 'app/apple-icon.png'), await render(180));
  const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(size) })));
  writeFileSync(path.join(appDir, 'app/favicon.ico'), ico(small));
} finally {
  await browser.close();
}
