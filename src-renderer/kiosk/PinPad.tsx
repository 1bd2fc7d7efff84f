import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { k } from './strings';

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
    setError(ok ? null : k('wrongPin'));
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={k('exitTitle')}
      centered
      closeButtonProps={{ 'aria-label': k('close') }}
    >
      <Stack>
        <PasswordInput label={k('adminPin')} value={pin} readOnly error={error} />
        <Group gap={8} justify="center" maw={260} mx="auto">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'].map((key) => (
            <Button
              key={key}
              size="xl"
              w={76}
              variant={key === 'OK' ? 'filled' : 'default'}
              aria-label={key === '⌫' ? k('erase') : undefined}
              onClick={() =>
                key === 'OK'
                  ? void submit()
                  : key === '⌫'
                    ? setPin(pin.slice(0, -1))
                    : pin.length < 8 && setPin(pin + key)
              }
            >
              {key}
            </Button>
          ))}
        </Group>
        <Text size="sm" c="gray.7">
          {k('adminOnly')}
        </Text>
      </Stack>
    </Modal>
  );
}
