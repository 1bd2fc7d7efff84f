import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "PT Sans", Arial, sans-serif',
  defaultRadius: 'sm',
});
