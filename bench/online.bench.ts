import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { publishOnline } from '../test/helpers/online';
import { serverCli, spawnServer } from '../test/helpers/server-process';
import { emit, percentile } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const ONLINE = join(ROOT, 'out/online');

/**
 * Chromium DevTools' «Slow 4G» (Lighthouse's mobile profile as DevTools applies it): 562.5 ms
 * round trip, 1.44 Mbit/s down, 675 kbit/s up.
 */
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

function jsGzipKb(): number {
  const html = readFileSync(join(ONLINE, 'online.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="\/s\/(?<f>[^"]+\.js)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]+href="\/s\/(?<f>[^"]+\.js)"/g),
  ].map((m) => m.groups!.f!);
  if (files.length === 0) throw new Error('online bench: no script in out/online/online.html');
  return (
    files.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(ONLINE, f)), { level: 9 }).length,
      0,
    ) / 1024
  );
}

type Marks = typeof globalThis & { __question?: number; __ready?: number };

/** Seed 003 answered at random along either path (what the form allows). */
function randomAnswers(i: number) {
  const pick = <T>(xs: readonly T[]) => xs[(i * 7919 + xs.length) % xs.length]!;
  return {
    q3: 1 + (i % 5),
    q4: pick(['portal', 'institution', 'mfc'] as const),
    q6: pick(['offered', 'applied'] as const),
    q7: pick(['provided', 'not_provided'] as const),
    q9: { application: 1 + (i % 5), speed: 1 + ((i + 2) % 5) },
    q13: pick(['female', 'male'] as const),
  };
}

/**
 * Issue 18's figures: the weight of the visitor's page, its first question on a phone over
 * «Slow 4G», and how many answers per second the central takes from many clients at once.
 * size = answers sent (by 64 concurrent clients).
 */
export async function runOnlineBench(size: number) {
  // The page and its server-side render, built as `npm run build:online` builds them.
  execFileSync('npm', ['run', '--silent', 'build:online'], { cwd: ROOT, stdio: 'ignore' });
  emit('online', 'online_js_gzip_kb', jsGzipKb(), 'KiB');

  const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-online-'));
  const env = {
    OTKLIK_SERVER_DATA: dir,
    DATABASE_URL: '',
    OTKLIK_ONLINE_PER_ADDRESS: String(10 * size),
  };
  serverCli(env, 'office', 'create', 'MIN01', 'Министерство');
  const token = /: (\S+)$/m.exec(serverCli(env, 'admin', 'create', 'bench'))![1]!;
  const key = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const server = await spawnServer(env);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const { slug } = await publishOnline(server.url, key, 'MIN01');

    // First question on a phone over Slow 4G: a new context each time (empty cache); the
    // first load is not counted (it warms the server's file cache).
    const times: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      // The page's own clock from navigation start, noted the moment a radio button of the
      // first question is in the document (the harness adds nothing to it).
      await page.addInitScript(`(() => {
        const seen = () => {
          if (window.__question === undefined && document.querySelector('[data-question] [role="radio"]'))
            window.__question = performance.now();
          if (window.__ready === undefined && document.documentElement.dataset.ready) {
            window.__ready = performance.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(seen);
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      })();`);
      await page.goto(`${server.url}/s/${slug}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (globalThis as Marks).__ready !== undefined);
      const marks = await page.evaluate(() => {
        const g = globalThis as Marks;
        return { question: g.__question!, ready: g.__ready! };
      });
      if (i > 0) {
        times.push(marks.question);
        ready.push(marks.ready);
      }
      await context.close();
    }
    emit('online', 'online_first_question_ms', percentile(times, 50), 'ms');
    emit('online', 'online_first_question_p95_ms', percentile(times, 95), 'ms');
    // When a tap counts: the script arrived and took over the page the central drew.
    emit('online', 'online_interactive_ms', percentile(ready, 50), 'ms');

    // Answers from 64 clients at once, each its own browser (no cookie), on loopback.
    let next = 0;
    let refused = 0;
    const client = async () => {
      for (let i = next++; i < size; i = next++) {
        const r = await fetch(`${server.url}/v1/online/${slug}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answers: randomAnswers(i), serviceId: null, officeCode: null }),
        });
        if (!r.ok) refused++;
        await r.arrayBuffer();
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: 64 }, client));
    const seconds = (performance.now() - start) / 1000;
    emit('online', 'online_submit_per_s', size / seconds, 'answers/s');
    emit('online', 'online_submit_refused', refused, 'answers');
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    emit('online', 'online_server_peak_rss_mb', hwm / 1024, 'MB');
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
