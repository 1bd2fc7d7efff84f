import { createTheme } from '@mantine/core';

/**
 * Shade 8 of the primary colour: white text on it has a contrast of 5:1 and more (WCAG AA for
 * normal text; shade 6, Mantine's default, gives 3.6:1). The kiosk's axe-core test holds it.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, "Segoe UI", Roboto, "PT Sans", Arial, sans-serif',
  defaultRadius: 'sm',
});
