// Only the styles of the components the page uses: a phone on a slow link loads little.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/CloseButton.css';
import './online.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { OnlinePage } from '../../src-shared/surveys/online';
import { theme } from '../app/theme';
import { OnlineApp } from './OnlineApp';

/** The online survey's own entry: none of the desk, the kiosk's core calls or the console. */
const slug = /^\/s\/([^/]+)/.exec(window.location.pathname)?.[1] ?? '';
const root = document.getElementById('root')!;
const data = document.getElementById('online-page');
const app = (initial?: OnlinePage | null) => (
  <StrictMode>
    <MantineProvider theme={theme}>
      <OnlineApp slug={slug} initial={initial} />
    </MantineProvider>
  </StrictMode>
);
if (data && root.firstChild) {
  // The central rendered the page into the HTML: the same tree is hydrated, not drawn again.
  hydrateRoot(root, app(JSON.parse(data.textContent ?? 'null') as OnlinePage | null));
} else {
  createRoot(root).render(app());
}
