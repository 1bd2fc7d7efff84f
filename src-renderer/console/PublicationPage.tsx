import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { officeOverviewSchema, okSchema, publicationsSchema } from '../../src-shared/console/api';
import { localToday } from '../../src-shared/domain/dates';
import { quarterOf } from '../../src-shared/reports/period';
import { ConsoleError, get, post } from './api';

const message = (e: unknown) => (e instanceof ConsoleError ? e.message : String(e));

/** The last eight quarters, newest first, as the page names them (2026-Q3). */
function quarters(): { value: string; label: string }[] {
  let { year, quarter } = quarterOf(localToday());
  const out = [];
  for (let i = 0; i < 8; i++) {
    out.push({
      value: `${year}-Q${quarter}`,
      label: `${['I', 'II', 'III', 'IV'][quarter - 1]} квартал ${year}`,
    });
    if (quarter === 1) {
      year -= 1;
      quarter = 4;
    } else quarter = (quarter - 1) as 1 | 2 | 3;
  }
  return out;
}

/**
 * Seed 004, 10.7: visitors are told how their feedback was used. Per office and quarter the
 * administrator writes what was changed; offices that agree are shown on a public page (no
 * sign-in, printable, a stable address to link from the office's site) with their survey
 * results of that quarter (cells under 5 hidden, never typed comments).
 */
export default function PublicationPage() {
  const { t } = useTranslation();
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);
  const [office, setOffice] = useState<string | null>(null);
  const [data, setData] = useState<z.output<typeof publicationsSchema> | null>(null);
  const [quarter, setQuarter] = useState(() => quarters()[0]!.value);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => {
        setOffices(list.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })));
        setOffice((was) => was ?? list[0]?.code ?? null);
      },
      (e: unknown) => setError(message(e)),
    );
  }, []);
  const load = useCallback(() => {
    if (!office) return;
    get(publicationsSchema, `/v1/console/publications?office=${office}`).then(
      setData,
      (e: unknown) => setError(message(e)),
    );
  }, [office]);
  useEffect(load, [load]);
  useEffect(() => {
    setText(data?.notes.find((n) => n.quarter === quarter)?.text ?? '');
  }, [data, quarter]);
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.publication.title')}</Title>
      <Text size="sm">{t('console.publication.intro')}</Text>
      <Group align="end">
        <Select
          label={t('console.accounts.office')}
          w={380}
          data={offices}
          value={office}
          onChange={setOffice}
          allowDeselect={false}
          searchable
        />
        {office && (
          <Anchor href={`/public/${office}`} target="_blank" rel="noopener">
            {t('console.publication.link', { url: `${location.origin}/public/${office}` })}
          </Anchor>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {data && (
        <Paper withBorder p="md">
          <Stack>
            <Checkbox
              label={t('console.publication.publish')}
              checked={data.publish}
              onChange={(e) => {
                const publish = e.currentTarget.checked;
                post(okSchema, `/v1/console/offices/${data.office}/publish`, { publish }).then(
                  load,
                  (err: unknown) => setError(message(err)),
                );
              }}
            />
            <Select
              label={t('console.publication.quarter')}
              w={240}
              data={quarters()}
              value={quarter}
              onChange={(v) => v && setQuarter(v)}
              allowDeselect={false}
            />
            <Textarea
              label={t('console.publication.text')}
              description={t('console.publication.textHint')}
              autosize
              minRows={5}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <Button
                onClick={() =>
                  post(okSchema, '/v1/console/publications', {
                    office: data.office,
                    quarter,
                    text,
                  }).then(
                    () => {
                      notifications.show({
                        color: 'green',
                        message: t('console.publication.saved'),
                      });
                      load();
                    },
                    (err: unknown) => setError(message(err)),
                  )
                }
              >
                {t('console.publication.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
