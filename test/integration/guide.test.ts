import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_PAGES, guidePageFor } from '../../src-shared/guide';

/**
 * The user guide (docs/guide): every picture it names is there (taken by `npm run docs:screens`
 * from the real UI), every page the app links to exists, and every screen has its page.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const GUIDE = resolve(ROOT, 'docs/guide');
const pages = readdirSync(GUIDE).filter((f) => f.endsWith('.md'));
const text = (page: string) => readFileSync(resolve(GUIDE, page), 'utf8');

describe('the user guide', () => {
  it('has a picture for every one it names, each a PNG from the screenshot script', () => {
    const script = readFileSync(resolve(ROOT, 'scripts/docs-screens.ts'), 'utf8');
    const taken = new Set([...script.matchAll(/shot\('([\w-]+)'/g)].map((m) => m[1]!));
    const named = pages.flatMap((p) =>
      [...text(p).matchAll(/!\[[^\]]*\]\(img\/([\w.-]+)\)/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(10);
    for (const file of named) {
      const path = resolve(GUIDE, 'img', file);
      expect(existsSync(path), `docs/guide/img/${file} is missing: run npm run docs:screens`).toBe(
        true,
      );
      expect(readFileSync(path).subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(
        taken.has(file.replace(/\.png$/, '')),
        `${file} is not taken by scripts/docs-screens.ts`,
      ).toBe(true);
    }
    // And no screenshot is taken that no page shows.
    for (const name of taken) expect(named).toContain(`${name}.png`);
  });

  it('has the pages the app opens, and its links lead to pages', () => {
    expect(pages.map((p) => p.replace(/\.md$/, '')).sort()).toEqual([...GUIDE_PAGES].sort());
    for (const p of pages)
      for (const m of text(p).matchAll(/\]\(([\w-]+)\.md\)/g))
        expect(GUIDE_PAGES, `${p} links to ${m[1]}.md`).toContain(m[1]);
  });

  it('answers for every screen of the desk', () => {
    expect(guidePageFor('/appeals/new')).toBe('card');
    expect(guidePageFor('/appeals/0199a1b2-0000-7000-8000-000000000000/edit')).toBe('card');
    expect(guidePageFor('/appeals')).toBe('search');
    expect(guidePageFor('/surveys/paper')).toBe('kiosk');
    expect(guidePageFor('/surveys')).toBe('surveys');
    expect(guidePageFor('/users')).toBe('first-start');
    expect(guidePageFor('/help/card')).toBe('index');
    const layout = readFileSync(resolve(ROOT, 'src-renderer/app/Layout.tsx'), 'utf8');
    const routes = [...layout.matchAll(/\{ to: '([^']+)'/g)].map((m) => m[1]!);
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect(guidePageFor(route), route).not.toBe('index');
  });
});
