import { createTheme, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

/**
 * Shade 8 of the primary colour: white text on it has a contrast of 5:1 and more (WCAG AA for
 * normal text; shade 6, Mantine's default, gives 3.6:1). The kiosk's axe-core test holds it.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, "Segoe UI", Roboto, "PT Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Close buttons have no text: screen readers need their name.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть уведомление' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть' } } }),
  },
});

/**
 * «Dimmed» text (hints, periods, notes) in gray 7, not Mantine's gray 6: 3.3:1 on white fails
 * WCAG AA for small text; gray 7 gives 7:1. The console's axe-core test holds it.
 */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
