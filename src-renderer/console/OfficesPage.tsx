import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  enrollmentCodeSchema,
  officeOverviewSchema,
  okSchema,
  type ConsoleDesk,
  type OfficeOverview,
} from '../../src-shared/console/api';
import { z } from 'zod';
import { formatDateTime } from '../features/appeals/format';
import { ConsoleError, get, post } from './api';
import { useSession } from './session';

const DAY = 86_400_000;
const message = (e: unknown) => (e instanceof ConsoleError ? e.message : String(e));
/** ISO instant → the local 'YYYY-MM-DDTHH:mm' the shared formatter reads. */
const local = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * Offices and their desks: create an office, hand out a one-time enrollment code (or a
 * replacement code for a new computer), see when each desk was last heard from, revoke one.
 * Desks silent for more than N days stand out.
 */
export default function OfficesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const admin = can('region.admin');
  const [offices, setOffices] = useState<OfficeOverview[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [silentDays, setSilentDays] = useState<number>(7);
  const [codeFor, setCodeFor] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ConsoleDesk | null>(null);
  // «Silent» is judged against the moment the list was loaded.
  const [now, setNow] = useState(0);
  const load = useCallback(() => {
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => {
        setOffices(list);
        setNow(Date.now());
      },
      (e: unknown) => setError(message(e)),
    );
  }, []);
  useEffect(load, [load]);
  const silent = (d: ConsoleDesk) =>
    !d.revokedAt && now - Date.parse(d.lastSeenAt ?? d.enrolledAt) > silentDays * DAY;
  return (
    <Stack maw={1300}>
      <Title order={2}>{t('console.offices.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {admin && <CreateOffice onCreated={load} />}
      <NumberInput
        label={t('console.offices.silentDays')}
        w={260}
        min={1}
        max={365}
        value={silentDays}
        onChange={(v) => setSilentDays(Number(v) || 7)}
      />
      {offices?.length === 0 && <Text>{t('console.offices.none')}</Text>}
      {offices?.map((o) => (
        <Paper key={o.id} withBorder p="md" data-testid={`office-${o.code}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <div>
                <Title order={3} size="h4">
                  {o.name} <Code>{o.code}</Code>
                </Title>
                <Text size="sm" c="dimmed">
                  {t('console.offices.summary', { appeals: o.appeals, desks: o.desks.length })}
                  {' · '}
                  {o.sstuDepartmentId
                    ? t('console.offices.sstu', { id: o.sstuDepartmentId })
                    : t('console.offices.sstuMissing')}
                </Text>
              </div>
              {admin && (
                <Button variant="light" onClick={() => setCodeFor(o.code)}>
                  {t('console.offices.enroll')}
                </Button>
              )}
            </Group>
            {o.desks.length > 0 && (
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('console.offices.desk')}</Table.Th>
                    <Table.Th>{t('console.offices.name')}</Table.Th>
                    <Table.Th>{t('console.offices.enrolled')}</Table.Th>
                    <Table.Th>{t('console.offices.lastSeen')}</Table.Th>
                    <Table.Th>{t('console.offices.version')}</Table.Th>
                    <Table.Th>{t('console.offices.pending')}</Table.Th>
                    <Table.Th>{t('console.offices.agreement')}</Table.Th>
                    <Table.Th>{t('console.offices.state')}</Table.Th>
                    {admin && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.desks.map((d) => (
                    <Table.Tr key={d.id} bg={silent(d) ? 'yellow.0' : undefined}>
                      <Table.Td>{d.deskCode ?? '—'}</Table.Td>
                      <Table.Td>{d.name}</Table.Td>
                      <Table.Td>{formatDateTime(local(d.enrolledAt))}</Table.Td>
                      <Table.Td>
                        {d.lastSeenAt
                          ? formatDateTime(local(d.lastSeenAt))
                          : t('console.offices.never')}
                      </Table.Td>
                      <Table.Td>
                        {d.status
                          ? `${d.status.app} · ${t('console.offices.protocol', { n: d.status.protocol })}`
                          : '—'}
                      </Table.Td>
                      <Table.Td>
                        {d.status
                          ? t('console.offices.pendingValue', {
                              pending: d.status.pendingChanges,
                              refused: d.status.refused,
                            })
                          : '—'}
                      </Table.Td>
                      <Table.Td data-testid="desk-agreement">
                        {!d.status?.agreement
                          ? t('console.offices.notChecked')
                          : d.status.agreement.agrees
                            ? t('console.offices.agrees')
                            : t('console.offices.differs', {
                                months: d.status.agreement.differs.join(', '),
                              })}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {d.revokedAt ? (
                            <Badge color="gray.7">{t('console.offices.revoked')}</Badge>
                          ) : (
                            <Badge color="teal.9">{t('console.offices.active')}</Badge>
                          )}
                          {silent(d) && (
                            <Badge color="yellow.3" c="black" data-testid="desk-silent">
                              {t('console.offices.silent', { n: silentDays })}
                            </Badge>
                          )}
                          {d.cloneSuspected && (
                            <Badge color="red.9">{t('console.offices.clone')}</Badge>
                          )}
                        </Group>
                      </Table.Td>
                      {admin && (
                        <Table.Td>
                          {!d.revokedAt && (
                            <Button
                              size="xs"
                              color="red"
                              variant="subtle"
                              onClick={() => setRevoking(d)}
                            >
                              {t('console.offices.revoke')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Paper>
      ))}
      <EnrollmentCodeModal office={codeFor} onClose={() => setCodeFor(null)} />
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('console.offices.revokeTitle')}
      >
        <Stack>
          <Text>{t('console.offices.revokeText', { name: revoking?.name ?? '' })}</Text>
          <Group justify="end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('console.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() =>
                post(okSchema, `/v1/console/devices/${revoking!.id}/revoke`).then(
                  () => {
                    setRevoking(null);
                    notifications.show({ message: t('console.offices.revokedDone') });
                    load();
                  },
                  (e: unknown) => setError(message(e)),
                )
              }
            >
              {t('console.offices.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function CreateOffice({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [sstu, setSstu] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          post(z.object({ code: z.string() }), '/v1/console/offices', {
            code,
            name,
            sstuDepartmentId: sstu.trim() || null,
          }).then(
            (o) => {
              notifications.show({
                color: 'green',
                message: t('console.offices.created', { code: o.code }),
              });
              setCode('');
              setName('');
              setSstu('');
              setError(null);
              onCreated();
            },
            (err: unknown) => setError(message(err)),
          );
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('console.offices.create')}
          </Title>
          <Group align="end">
            <TextInput
              label={t('console.offices.code')}
              description={t('console.offices.codeRule')}
              w={200}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('console.offices.name')}
              w={380}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('console.offices.sstuId')}
              w={360}
              value={sstu}
              onChange={(e) => setSstu(e.currentTarget.value)}
            />
            <Button type="submit">{t('console.offices.createButton')}</Button>
          </Group>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** A one-time code, shown large to be read out or written down, with the day it expires. */
function EnrollmentCodeModal({ office, onClose }: { office: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const [desk, setDesk] = useState('');
  const [days, setDays] = useState(7);
  const [replace, setReplace] = useState(false);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setCode(null);
    setDesk('');
    setReplace(false);
    setError(null);
    onClose();
  };
  return (
    <Modal
      opened={office !== null}
      onClose={close}
      title={t('console.enroll.title', { office })}
      size="lg"
    >
      {code ? (
        <Stack align="center">
          <Text>{t('console.enroll.give')}</Text>
          <Text
            data-testid="enrollment-code"
            ff="monospace"
            fz={44}
            fw={700}
            style={{ letterSpacing: '0.08em' }}
          >
            {code.code}
          </Text>
          <Text>{t('console.enroll.expires', { at: formatDateTime(local(code.expiresAt)) })}</Text>
          <Text size="sm" c="dimmed">
            {t('console.enroll.once')}
          </Text>
          <Button onClick={close}>{t('console.enroll.done')}</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post(enrollmentCodeSchema, '/v1/console/enrollment-codes', {
              office,
              desk: desk.trim() || null,
              days,
              replace,
            }).then(setCode, (err: unknown) => setError(message(err)));
          }}
        >
          <Stack>
            <TextInput
              label={t('console.enroll.desk')}
              description={t('console.enroll.deskHint')}
              value={desk}
              onChange={(e) => setDesk(e.currentTarget.value)}
            />
            <NumberInput
              label={t('console.enroll.days')}
              min={1}
              max={30}
              value={days}
              onChange={(v) => setDays(Number(v) || 7)}
            />
            <Checkbox
              label={t('console.enroll.replace')}
              description={t('console.enroll.replaceHint')}
              checked={replace}
              onChange={(e) => setReplace(e.currentTarget.checked)}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit">{t('console.enroll.issue')}</Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
