import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { DatesLocale } from '../app/DateFields';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { cssVariables, theme } from '../app/theme';
import { initI18n } from '../i18n';
import { consoleRouter } from './router';
import { SessionGate } from './session';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications position="bottom-right" />
      <DatesLocale>
        <SessionGate>
          <RouterProvider router={consoleRouter} />
        </SessionGate>
      </DatesLocale>
    </MantineProvider>
  </StrictMode>,
);
