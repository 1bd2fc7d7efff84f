import { Button, Group, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ScheduleEntry } from '../../../src-shared/domain/schedule';
import { ApiCallError, call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { formatDate } from '../appeals/format';
import { useReference } from '../appeals/use-reference';
import { useAuth } from '../auth/auth-context';
import { DateField, MonthField, TimeField } from '../../app/DateFields';

const EMPTY = {
  officialId: null as string | null,
  date: '',
  startTime: '',
  endTime: '',
  place: '',
};

/** The month's schedule of officials: who receives when and where; printable for publishing. */
export function MonthSchedule({ month, onMonth }: { month: string; onMonth(m: string): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reference = useReference();
  const auth = useAuth();
  const [entries, setEntries] = useState<ScheduleEntry[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const load = useCallback(() => {
    call('schedule.month', { month }).then(setEntries, () => setEntries([]));
  }, [month]);
  useEffect(load, [load]);

  async function add(ev: React.FormEvent) {
    ev.preventDefault();
    setErrors({});
    try {
      await call('schedule.saveEntry', {
        id: null,
        officialId: form.officialId ?? '',
        date: form.date,
        startTime: form.startTime,
        endTime: form.endTime,
        place: form.place,
      });
      setForm({ ...EMPTY, place: form.place, officialId: form.officialId });
      load();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setErrors(fieldErrors(t, e.error.issues));
      else notifications.show({ color: 'red', message: errorMessage(t, e) });
    }
  }

  return (
    <Stack>
      <Group align="end">
        <MonthField
          label={t('schedule.month')}
          value={month}
          onChange={(v) => v && onMonth(v)}
          w={200}
        />
        <Button variant="default" onClick={() => navigate(`/print/schedule/${month}`)}>
          {t('schedule.print')}
        </Button>
      </Group>
      <Table striped withTableBorder aria-label={t('schedule.monthTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('schedule.date')}</Table.Th>
            <Table.Th>{t('schedule.hours')}</Table.Th>
            <Table.Th>{t('schedule.official')}</Table.Th>
            <Table.Th>{t('schedule.place')}</Table.Th>
            <Table.Th>{t('schedule.booked')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDate(e.date)}</Table.Td>
              <Table.Td>
                {e.startTime}–{e.endTime}
              </Table.Td>
              <Table.Td>{e.officialName}</Table.Td>
              <Table.Td>{e.place}</Table.Td>
              <Table.Td>{e.booked}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {auth.can('schedule.write') && (
        <Paper withBorder p="md">
          <form onSubmit={add}>
            <Stack>
              <Title order={5}>{t('schedule.addEntry')}</Title>
              <Group align="start" grow>
                <Select
                  label={t('schedule.official')}
                  data={reference.officials
                    .filter((o) => o.active)
                    .map((o) => ({ value: o.id, label: o.fullName }))}
                  value={form.officialId}
                  onChange={(v) => setForm({ ...form, officialId: v })}
                  error={errors.officialId}
                />
                <DateField
                  label={t('schedule.date')}
                  value={form.date}
                  keepInvalid
                  onChange={(v) => setForm({ ...form, date: v })}
                  error={errors.date}
                />
                <TimeField
                  label={t('schedule.from')}
                  value={form.startTime}
                  keepInvalid
                  onChange={(v) => setForm({ ...form, startTime: v })}
                  error={errors.startTime}
                />
                <TimeField
                  label={t('schedule.to')}
                  value={form.endTime}
                  keepInvalid
                  onChange={(v) => setForm({ ...form, endTime: v })}
                  error={errors.endTime}
                />
                <TextInput
                  label={t('schedule.place')}
                  value={form.place}
                  onChange={(e) => setForm({ ...form, place: e.currentTarget.value })}
                  error={errors.place}
                />
              </Group>
              <Group>
                <Button type="submit">{t('schedule.addEntryButton')}</Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
