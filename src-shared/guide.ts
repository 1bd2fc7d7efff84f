/**
 * The user guide's pages (docs/guide/*.md) and which page answers for which screen: the «?» in
 * the desk's header and F1 open the page of the screen the officer is on.
 */
export const GUIDE_PAGES = [
  'index',
  'first-start',
  'card',
  'search',
  'schedule',
  'deadlines',
  'kiosk',
  'surveys',
  'reports',
  'sync',
] as const;
export type GuidePage = (typeof GUIDE_PAGES)[number];

const BY_SCREEN: readonly [RegExp, GuidePage][] = [
  [/^\/appeals\/(new|[^/]+)(\/edit)?$/, 'card'],
  [/^\/appeals$/, 'search'],
  [/^\/drafts$/, 'card'],
  [/^\/schedule$/, 'schedule'],
  [/^\/deadlines$/, 'deadlines'],
  [/^\/surveys\/paper$/, 'kiosk'],
  [/^\/surveys$/, 'surveys'],
  [/^\/reports$/, 'reports'],
  [/^\/sync$/, 'sync'],
  [/^\/(settings|users)$/, 'first-start'],
];

/** The guide page for a screen's path (the contents when no page is about it). */
export function guidePageFor(path: string): GuidePage {
  return BY_SCREEN.find(([re]) => re.test(path))?.[1] ?? 'index';
}
