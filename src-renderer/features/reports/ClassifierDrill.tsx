import { Anchor, Breadcrumbs, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierGroups } from '../../../src-shared/reports/appeal-metrics';
import type { Period } from '../../../src-shared/reports/period';
import { call } from '../../api/client';
import { CountLink, listHref, ShareBar } from './figures';

/** Metric 3: appeals by classifier group, drilled down one level per click. */
export function ClassifierDrill({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<{ code: string; title: string }[]>([]);
  const [data, setData] = useState<ClassifierGroups | null>(null);
  const parent = path.at(-1)?.code ?? null;
  useEffect(() => {
    call('reports.classifierGroups', { period, parent }).then(setData, () => setData(null));
  }, [period, parent]);
  return (
    <section aria-labelledby="m3">
      <Stack gap="xs">
        <Title order={3} id="m3">
          {t('reports.m3')}
        </Title>
        <Breadcrumbs>
          <Anchor component="button" onClick={() => setPath([])}>
            {t('reports.allSections')}
          </Anchor>
          {path.map((p, i) => (
            <Anchor key={p.code} component="button" onClick={() => setPath(path.slice(0, i + 1))}>
              {p.title}
            </Anchor>
          ))}
        </Breadcrumbs>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.group')}</Table.Th>
              <Table.Th ta="right">{t('reports.appeals')}</Table.Th>
              <Table.Th>{t('reports.shareOfParent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.groups.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>{t('reports.none')}</Table.Td>
              </Table.Tr>
            )}
            {data?.groups.map((g) => (
              <Table.Tr key={g.code ?? 'self'}>
                <Table.Td>
                  {g.code === null ? (
                    <Text size="sm" fs="italic">
                      {t('reports.codedAtGroup')}
                    </Text>
                  ) : g.level < 5 ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setPath([...path, { code: g.code!, title: g.title }])}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                    >
                      {g.code.replace(/(\.0000)+$/, '')} {g.title}
                    </Button>
                  ) : (
                    <Text size="sm">
                      {g.code} {g.title}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <CountLink
                    n={g.appeals}
                    to={listHref(period, { topic: g.code ?? parent ?? '' })}
                  />
                </Table.Td>
                <Table.Td>
                  <ShareBar share={g.share} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </section>
  );
}
