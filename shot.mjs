import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'ru-RU' });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2]);
await page.waitForTimeout(1500);
if (process.argv[4]) { await page.getByRole('searchbox').fill(process.argv[4]); await page.waitForTimeout(800); }
await page.screenshot({ path: process.argv[3] });
await browser.close();
