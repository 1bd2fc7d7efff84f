import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Booking, BookingStatus, ScheduleEntry } from '../../../src-shared/domain/schedule';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { useAuth } from '../auth/auth-context';
import { DateField, TimeField } from '../../app/DateFields';

const STATUS_COLOR: Record<BookingStatus, string> = {
  booked: 'blue',
  arrived: 'orange',
  received: 'green',
  cancelled: 'gray',
  no_show: 'red',
};

const EMPTY = {
  entryId: null as string | null,
  time: '',
  source: 'phone' as 'phone' | 'in_person',
  visitorName: '',
  visitorPhone: '',
  topic: '',
};

function nowTime(): string {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The officer's day: who is booked when, who came without booking; «Принять» opens the
 * reception card with the visitor's data carried over. Booking by phone or in person here too.
 */
export function DayList({ date, onDate }: { date: string; onDate(d: string): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const auth = useAuth();
  const canWrite = auth.can('schedule.write');
  const [bookings, setBookings] = useState<Booking[]>([]);
  const [entries, setEntries] = useState<ScheduleEntry[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const load = useCallback(() => {
    call('bookings.day', { date }).then(setBookings, () => setBookings([]));
    call('schedule.month', { month: date.slice(0, 7) }).then(
      (all) => setEntries(all.filter((e) => e.date === date)),
      () => setEntries([]),
    );
  }, [date]);
  useEffect(load, [load]);

  async function save(ev: React.FormEvent) {
    ev.preventDefault();
    setErrors({});
    try {
      await call('bookings.save', { id: null, date, ...form });
      notifications.show({ color: 'green', message: t('schedule.bookedOk') });
      setForm(EMPTY);
      load();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setErrors(fieldErrors(t, e.error.issues));
      else notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  async function setStatus(id: string, status: 'arrived' | 'cancelled' | 'no_show') {
    try {
      await call('bookings.setStatus', { id, status });
      load();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  return (
    <Stack>
      <DateField label={t('schedule.day')} value={date} onChange={(v) => v && onDate(v)} w={200} />
      <Table striped withTableBorder aria-label={t('schedule.dayTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('schedule.time')}</Table.Th>
            <Table.Th>{t('schedule.visitor')}</Table.Th>
            <Table.Th>{t('schedule.topic')}</Table.Th>
            <Table.Th>{t('schedule.official')}</Table.Th>
            <Table.Th>{t('schedule.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bookings.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.time}</Table.Td>
              <Table.Td>
                {b.visitorName}
                {b.visitorPhone ? `, ${b.visitorPhone}` : ''}
              </Table.Td>
              <Table.Td>{b.topic}</Table.Td>
              <Table.Td>
                {b.walkIn ? t('schedule.walkIn') : `${b.officialName ?? ''}, ${b.place ?? ''}`}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[b.status]}>{t(`schedule.statuses.${b.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {b.status === 'received' && b.appealId ? (
                  <Anchor component={Link} to={`/appeals/${b.appealId}`}>
                    {b.regNumber}
                  </Anchor>
                ) : (
                  canWrite &&
                  (b.status === 'booked' || b.status === 'arrived') && (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        onClick={() => navigate(`/appeals/new?booking=${b.id}`)}
                        aria-label={`${t('schedule.receive')}: ${b.visitorName}`}
                      >
                        {t('schedule.receive')}
                      </Button>
                      {b.status === 'booked' && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setStatus(b.id, 'arrived')}
                        >
                          {t('schedule.arrived')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setStatus(b.id, 'no_show')}
                      >
                        {t('schedule.noShow')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setStatus(b.id, 'cancelled')}
                      >
                        {t('schedule.cancel')}
                      </Button>
                    </Group>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {canWrite && (
        <Paper withBorder p="md">
          <form onSubmit={save}>
            <Stack>
              <Group justify="space-between">
                <Title order={5}>{t('schedule.book')}</Title>
                <Button
                  variant="light"
                  onClick={() =>
                    setForm({ ...form, entryId: null, source: 'in_person', time: nowTime() })
                  }
                >
                  {t('schedule.walkInButton')}
                </Button>
              </Group>
              <Group align="start" grow>
                <Select
                  label={t('schedule.entry')}
                  placeholder={t('schedule.walkIn')}
                  data={entries.map((e) => ({
                    value: e.id,
                    label: `${e.startTime}–${e.endTime} ${e.officialName}, ${e.place}`,
                  }))}
                  value={form.entryId}
                  onChange={(v) => setForm({ ...form, entryId: v })}
                  clearable
                  error={errors.entryId}
                />
                <TimeField
                  label={t('schedule.time')}
                  value={form.time}
                  keepInvalid
                  onChange={(v) => setForm({ ...form, time: v })}
                  error={errors.time}
                />
                <SegmentedControl
                  aria-label={t('schedule.source')}
                  value={form.source}
                  onChange={(v) => setForm({ ...form, source: v as 'phone' | 'in_person' })}
                  data={[
                    { value: 'phone', label: t('schedule.byPhone') },
                    { value: 'in_person', label: t('schedule.inPerson') },
                  ]}
                />
              </Group>
              <Group align="start" grow>
                <TextInput
                  label={t('fields.visitorName')}
                  value={form.visitorName}
                  onChange={(e) => setForm({ ...form, visitorName: e.currentTarget.value })}
                  error={errors.visitorName}
                />
                <TextInput
                  label={t('fields.visitorPhone')}
                  value={form.visitorPhone}
                  onChange={(e) => setForm({ ...form, visitorPhone: e.currentTarget.value })}
                  error={errors.visitorPhone}
                />
              </Group>
              <TextInput
                label={t('schedule.topic')}
                value={form.topic}
                onChange={(e) => setForm({ ...form, topic: e.currentTarget.value })}
                error={errors.topic}
              />
              {errors.source && <Badge color="red">{errors.source}</Badge>}
              <Group>
                <Button type="submit">{t('schedule.bookButton')}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
