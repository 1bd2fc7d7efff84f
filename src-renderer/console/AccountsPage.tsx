import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  accountListSchema,
  accountPasswordSchema,
  okSchema,
  officeOverviewSchema,
} from '../../src-shared/console/api';
import {
  CONSOLE_ROLE_LABELS,
  CONSOLE_ROLES,
  type ConsoleRole,
} from '../../src-shared/console/roles';
import { ConsoleError, get, post } from './api';
import { useSession } from './session';

const message = (e: unknown) => (e instanceof ConsoleError ? e.message : String(e));

/**
 * The console's users: create one (the password is generated and shown once), reset a password
 * (which also unlocks), switch an account off. Every action is in the audit log.
 */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [accounts, setAccounts] = useState<z.output<typeof accountListSchema>>([]);
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ login: string; password: string } | null>(null);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ConsoleRole>('analyst');
  const [office, setOffice] = useState<string | null>(null);
  const load = useCallback(() => {
    get(accountListSchema, '/v1/console/accounts').then(setAccounts, (e: unknown) =>
      setError(message(e)),
    );
  }, []);
  useEffect(() => {
    load();
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => setOffices(list.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))),
      () => undefined,
    );
  }, [load]);
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        load();
      },
      (e: unknown) => setError(message(e)),
    );
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('console.accounts.title')}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post(accountPasswordSchema, '/v1/console/accounts', {
              login,
              name,
              role,
              office: role === 'office_viewer' ? office : null,
            }).then(
              (r) => {
                setShown({ login: r.account.login, password: r.password });
                setLogin('');
                setName('');
                setError(null);
                load();
              },
              (err: unknown) => setError(message(err)),
            );
          }}
        >
          <Group align="end">
            <TextInput
              label={t('console.accounts.login')}
              w={180}
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('console.accounts.name')}
              w={300}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <Select
              label={t('console.accounts.role')}
              w={240}
              data={CONSOLE_ROLES.map((r) => ({ value: r, label: CONSOLE_ROLE_LABELS[r] }))}
              value={role}
              allowDeselect={false}
              onChange={(v) => v && setRole(v as ConsoleRole)}
            />
            {role === 'office_viewer' && (
              <Select
                label={t('console.accounts.office')}
                w={300}
                data={offices}
                value={office}
                onChange={setOffice}
                searchable
              />
            )}
            <Button type="submit">{t('console.accounts.create')}</Button>
          </Group>
        </form>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.accounts.login')}</Table.Th>
            <Table.Th>{t('console.accounts.name')}</Table.Th>
            <Table.Th>{t('console.accounts.role')}</Table.Th>
            <Table.Th>{t('console.accounts.office')}</Table.Th>
            <Table.Th>{t('console.accounts.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.login}</Table.Td>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>{CONSOLE_ROLE_LABELS[a.role]}</Table.Td>
              <Table.Td>{a.officeCode ?? '—'}</Table.Td>
              <Table.Td>
                {a.disabled ? (
                  <Badge color="gray.7">{t('console.accounts.disabled')}</Badge>
                ) : a.locked ? (
                  <Badge color="red.9">{t('console.accounts.locked')}</Badge>
                ) : (
                  <Badge color="teal.9">{t('console.accounts.active')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      post(accountPasswordSchema, `/v1/console/accounts/${a.login}/reset`).then(
                        (r) => {
                          setShown({ login: r.account.login, password: r.password });
                          load();
                        },
                        (e: unknown) => setError(message(e)),
                      )
                    }
                  >
                    {t('console.accounts.reset')}
                  </Button>
                  {a.login !== session.account.login && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color={a.disabled ? 'blue' : 'red'}
                      onClick={() =>
                        act(
                          post(okSchema, `/v1/console/accounts/${a.login}/disable`, {
                            disabled: !a.disabled,
                          }),
                        )
                      }
                    >
                      {a.disabled ? t('console.accounts.enable') : t('console.accounts.disable')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={t('console.accounts.passwordTitle')}
      >
        <Stack>
          <Text>{t('console.accounts.passwordFor', { login: shown?.login ?? '' })}</Text>
          <Code fz={24} data-testid="new-password">
            {shown?.password}
          </Code>
          <Text size="sm" c="dimmed">
            {t('console.accounts.passwordOnce')}
          </Text>
          <Button onClick={() => setShown(null)}>{t('console.enroll.done')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
