import { Button, Group } from '@mantine/core';
import { k } from './strings';

export interface ReadingAidsState {
  large: boolean;
  contrast: boolean;
  onePerScreen: boolean;
}

/** How each new visitor starts: the default view. */
export const NO_AIDS: ReadingAidsState = { large: false, contrast: false, onePerScreen: false };

/**
 * Large text, high contrast and one question per screen, switched by the visitor: the kiosk's
 * and the online survey's same toolbar (the last button only while questions are shown).
 */
export function ReadingAids({
  value,
  onChange,
  showOnePerScreen,
  size = 'lg',
}: {
  value: ReadingAidsState;
  onChange(next: ReadingAidsState): void;
  showOnePerScreen: boolean;
  size?: 'md' | 'lg';
}) {
  const toggle = (key: keyof ReadingAidsState, label: string) => (
    <Button
      size={size}
      variant={value[key] ? 'filled' : 'default'}
      aria-pressed={value[key]}
      onClick={() => onChange({ ...value, [key]: !value[key] })}
    >
      {label}
    </Button>
  );
  return (
    <Group gap="xs" justify="flex-end" p="sm" role="toolbar" aria-label={k('readingAids')}>
      {toggle('large', k('largeText'))}
      {toggle('contrast', k('contrast'))}
      {showOnePerScreen && toggle('onePerScreen', k('onePerScreen'))}
    </Group>
  );
}
