import '@mantine/core/styles.css';
import './kiosk.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { theme } from '../app/theme';
import { initI18n } from '../i18n';
import { KioskApp } from './KioskApp';

/** The kiosk's own entry: it loads none of the officer's app. */
initI18n('ru');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <KioskApp />
    </MantineProvider>
  </StrictMode>,
);
