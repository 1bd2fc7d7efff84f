import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startBrowserMode } from '../src-main/harness/browser-mode';
import { emit, percentile } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'out/web');
/** Route paths only the officer's app contains; none may reach the kiosk's JavaScript. */
const OFFICER_MARKERS = ['appeals/:id/edit', 'surveys/paper', 'print/survey/:id'];

/** The files an HTML entry loads before it can run: its module script and modulepreloads. */
function entryAssets(html: string, attr: 'src' | 'href', pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m.groups![attr]!);
}

function bundleFigures() {
  const html = readFileSync(join(WEB, 'kiosk.html'), 'utf8');
  const js = [
    ...entryAssets(html, 'src', /<script[^>]+src="(?<src>[^"]+\.js)"/g),
    ...entryAssets(html, 'href', /<link rel="modulepreload"[^>]+href="(?<href>[^"]+\.js)"/g),
  ];
  const css = entryAssets(html, 'href', /<link rel="stylesheet"[^>]+href="(?<href>[^"]+\.css)"/g);
  const read = (url: string) => readFileSync(join(WEB, url));
  const gz = (urls: string[]) =>
    urls.reduce((sum, u) => sum + gzipSync(read(u), { level: 9 }).length, 0) / 1024;
  const code = js.map((u) => read(u).toString('utf8')).join('\n');
  const leaked = OFFICER_MARKERS.filter((m) => code.includes(m));
  const officer = readFileSync(join(WEB, 'index.html'), 'utf8');
  const officerJs = entryAssets(officer, 'src', /<script[^>]+src="(?<src>[^"]+\.js)"/g);
  const officerCode = officerJs.map((u) => read(u).toString('utf8')).join('\n');
  if (!OFFICER_MARKERS.every((m) => officerCode.includes(m))) {
    throw new Error('kiosk bench: the officer markers are not in the officer app; fix the bench');
  }
  emit('kiosk', 'kiosk_js_gzip_kb', gz(js), 'KiB');
  emit('kiosk', 'kiosk_js_files', js.length, 'files');
  emit('kiosk', 'kiosk_css_gzip_kb', gz(css), 'KiB');
  emit('kiosk', 'kiosk_loads_officer_code', leaked.length, 'markers');
}

type Marks = typeof globalThis & { __welcome?: number; __question?: number };

/**
 * Runs in the page before its scripts: notes when the welcome screen's start button appears and
 * taps it at once (an instant visitor), then notes when the first question can be touched.
 * Times are the page's own clock from navigation start, so the harness adds nothing to them.
 */
const MARKS = `(() => {
  const seen = () => {
    const start = document.querySelector('.kiosk-big-button');
    if (window.__welcome === undefined && start && !start.disabled) {
      window.__welcome = performance.now();
      start.click();
    }
    const first = document.querySelector('[data-question] [role="radio"], [data-question] [role="checkbox"]');
    if (window.__question === undefined && first && window.__welcome !== undefined) {
      window.__question = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Cold loads of the kiosk in headless Chromium against the real core on loopback: a new
 * browser context each time (empty cache): the welcome screen ready, then the first question
 * ready to be touched, the start button pressed the moment it appears.
 */
async function loadFigures(runs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-kiosk-'));
  const app = await startBrowserMode({ dataDir, port: 0, dev: false });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const call = (method: string, input: unknown) => {
      const r = app.core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.result as never;
    };
    const templates: { id: string; builtinKey: string | null }[] = call('surveys.templates', {});
    const year = new Date().getFullYear();
    call('surveys.saveCampaign', {
      templateId: templates.find((t) => t.builtinKey === 'service-satisfaction-003')!.id,
      title: 'bench',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      serviceIds: [],
      channels: ['kiosk'],
      active: true,
    });
    const welcome: number[] = [];
    const question: number[] = [];
    await new Promise((r) => setTimeout(r, 2000)); // let the build's CPU load settle
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(MARKS);
      const page = await context.newPage();
      await page.goto(`${app.url}kiosk`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (globalThis as Marks).__question !== undefined);
      const marks = await page.evaluate(() => {
        const g = globalThis as Marks;
        return { __welcome: g.__welcome, __question: g.__question };
      });
      if (i > 0) {
        // The first load warms the server's file cache and Chromium's process; not counted.
        welcome.push(marks.__welcome!);
        question.push(marks.__question!);
      }
      await context.close();
    }
    emit('kiosk', 'welcome_ready_ms', percentile(welcome, 50), 'ms');
    emit('kiosk', 'first_question_ms', percentile(question, 50), 'ms');
    emit('kiosk', 'first_question_p95_ms', percentile(question, 95), 'ms');
    // What each later visitor waits for: the kiosk stays loaded and returns to its welcome.
    const tap = question.map((q, i) => q - welcome[i]!);
    emit('kiosk', 'tap_to_question_ms', percentile(tap, 50), 'ms');
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The kiosk's weight and speed: issue 4's targets are ≤ 250 KiB gzip and ≤ 500 ms. */
export async function runKioskBench(runs: number) {
  await build({
    configFile: join(ROOT, 'vite.web.config.ts'),
    configLoader: 'bundle',
    logLevel: 'warn',
  });
  bundleFigures();
  await loadFigures(runs);
}
