import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { localToday } from '../../../src-shared/domain/dates';
import { DayList } from './DayList';
import { MonthSchedule } from './MonthSchedule';

/** «Прием»: the day's list of visitors and the month's schedule of officials. */
export default function SchedulePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'day';
  const date = search.get('date') ?? localToday();
  const month = search.get('month') ?? date.slice(0, 7);
  const update = (patch: Record<string, string>) =>
    setSearch({ tab, date, month, ...patch }, { replace: true });
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('schedule.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && update({ tab: v })}>
        <Tabs.List>
          <Tabs.Tab value="day">{t('schedule.dayTab')}</Tabs.Tab>
          <Tabs.Tab value="month">{t('schedule.monthTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="day" pt="md">
          <DayList date={date} onDate={(d) => update({ date: d })} />
        </Tabs.Panel>
        <Tabs.Panel value="month" pt="md">
          <MonthSchedule month={month} onMonth={(m) => update({ month: m })} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
