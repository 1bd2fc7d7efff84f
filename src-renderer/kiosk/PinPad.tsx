import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';

interface Props {
  opened: boolean;
  onClose(): void;
  onPin(pin: string): Promise<boolean>;
}

/** The administrator's exit: a PIN typed on a large on-screen pad. */
export function PinPad({ opened, onClose, onPin }: Props) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const ok = await onPin(pin).catch(() => false);
    setPin('');
    setError(ok ? null : 'Неверный PIN-код');
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Выход из режима киоска"
      centered
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
    >
      <Stack>
        <PasswordInput label="PIN-код администратора" value={pin} readOnly error={error} />
        <Group gap={8} justify="center" maw={260} mx="auto">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'].map((k) => (
            <Button
              key={k}
              size="xl"
              w={76}
              variant={k === 'OK' ? 'filled' : 'default'}
              aria-label={k === '⌫' ? 'Стереть' : undefined}
              onClick={() =>
                k === 'OK'
                  ? void submit()
                  : k === '⌫'
                    ? setPin(pin.slice(0, -1))
                    : pin.length < 8 && setPin(pin + k)
              }
            >
              {k}
            </Button>
          ))}
        </Group>
        <Text size="sm" c="gray.7">
          Только для администратора.
        </Text>
      </Stack>
    </Modal>
  );
}
