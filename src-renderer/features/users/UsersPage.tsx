import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../src-shared/auth/roles';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useAuth } from '../auth/auth-context';

interface Form {
  id: string | null;
  login: string;
  fullName: string;
  role: Role;
  active: boolean;
  password: string;
}

const EMPTY: Form = {
  id: null,
  login: '',
  fullName: '',
  role: 'registrar',
  active: true,
  password: '',
};

/** Administrators manage the desk's users: roles, passwords, switching a user off. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [lockMinutes, setLockMinutes] = useState<number | string>(auth.status.lockMinutes);

  const load = useCallback(() => {
    call('users.list', {}).then(setUsers, () => undefined);
  }, []);
  useEffect(load, [load]);

  async function save(ev: React.FormEvent) {
    ev.preventDefault();
    setErrors({});
    try {
      await call('users.save', { ...form, password: form.password || null });
      notifications.show({ color: 'green', message: t('users.saved') });
      setForm(EMPTY);
      load();
    } catch (error) {
      if (error instanceof ApiCallError && error.error.issues) {
        setErrors(fieldErrors(t, error.error.issues));
      } else notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  }

  async function saveLock() {
    try {
      await call('users.setLockMinutes', { minutes: Number(lockMinutes) });
      notifications.show({ color: 'green', message: t('users.lockSaved') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
  }

  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <Stack maw={960}>
      <Title order={2}>{t('users.title')}</Title>
      <Table striped withTableBorder aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fullName')}</Table.Th>
            <Table.Th>{t('users.login')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th />
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.fullName}</Table.Td>
              <Table.Td>{u.login}</Table.Td>
              <Table.Td>{t(`users.roles.${u.role}`)}</Table.Td>
              <Table.Td>
                {!u.active && <Badge color="gray">{t('users.inactive')}</Badge>}
                {u.lockedUntil && u.lockedUntil > new Date().toISOString() && (
                  <Badge color="red">{t('users.lockedUntil', { time: time(u.lockedUntil) })}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setForm({ ...u, password: '' })}
                  aria-label={`${t('users.edit')}: ${u.login}`}
                >
                  {t('users.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Paper withBorder p="md">
        <form onSubmit={save}>
          <Stack>
            <Title order={4}>
              {form.id ? `${t('users.edit')}: ${form.login}` : t('users.add')}
            </Title>
            <Group grow align="flex-start">
              <TextInput
                label={t('users.login')}
                required
                value={form.login}
                onChange={(e) => setForm({ ...form, login: e.currentTarget.value })}
                error={errors.login}
              />
              <TextInput
                label={t('users.fullName')}
                required
                value={form.fullName}
                onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })}
                error={errors.fullName}
              />
            </Group>
            <Group grow align="flex-start">
              <Select
                label={t('users.role')}
                data={ROLES.map((r) => ({ value: r, label: t(`users.roles.${r}`) }))}
                value={form.role}
                allowDeselect={false}
                onChange={(v) => v && setForm({ ...form, role: v as Role })}
                error={errors.role}
              />
              <PasswordInput
                label={form.id ? t('users.newPassword') : t('users.password')}
                required={form.id === null}
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
                error={errors.password}
              />
            </Group>
            <Checkbox
              label={t('users.active')}
              checked={form.active}
              onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })}
            />
            <Group>
              <Button type="submit">{t('users.save')}</Button>
              {form.id && (
                <Button variant="default" onClick={() => setForm(EMPTY)}>
                  {t('actions.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>

      <Group align="flex-end">
        <NumberInput
          label={t('users.lockMinutes')}
          min={1}
          max={120}
          value={lockMinutes}
          onChange={setLockMinutes}
          w={320}
        />
        <Button variant="default" onClick={saveLock}>
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
