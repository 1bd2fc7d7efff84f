import { MantineProvider } from '@mantine/core';
import { renderToString } from 'react-dom/server';
import type { OnlinePage } from '../../src-shared/surveys/online';
import { theme } from '../app/theme';
import { OnlineApp } from './OnlineApp';

/**
 * The visitor's page rendered by the central into the HTML it sends (issue 18): a phone on a
 * slow link sees the first question with the first response, before any script has arrived;
 * main.tsx then hydrates the same tree. Built by `npm run build:online` into
 * out/online/ssr/render.js with everything bundled, so the central needs no React of its own.
 */
export function renderOnline(slug: string, page: OnlinePage | null): string {
  return renderToString(
    <MantineProvider theme={theme}>
      <OnlineApp slug={slug} initial={page} />
    </MantineProvider>,
  );
}
