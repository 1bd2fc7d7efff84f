import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { officeOverviewSchema, referenceRecordsSchema } from '../../src-shared/console/api';
import { ruDate } from '../../src-shared/domain/dates';
import { onlineSurveySchema, type OnlineSurvey } from '../../src-shared/surveys/online';
import { ConsoleError, get, post } from './api';

const surveys = z.array(onlineSurveySchema);
const REGION = '*';

/** What the body's site pastes to show the survey in its «Опросы» page. */
export function embedSnippet(s: OnlineSurvey, title: string): string {
  const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<iframe src="${esc(s.url)}" title="${esc(title)}" loading="lazy" ` +
    `style="width:100%;min-height:760px;border:0"></iframe>\n` +
    `<p><a href="${esc(s.url)}">${esc(title)}</a></p>`
  );
}

/**
 * Online surveys (issue 18, docs/online-surveys.md): a campaign offered online gets a public
 * address for one office or the whole region, with its QR code and a snippet for the body's
 * site; the answers per day show a flood at a glance; closing shows visitors a polite page.
 */
export default function OnlineSurveysPage() {
  const { t } = useTranslation();
  const [list, setList] = useState<OnlineSurvey[]>([]);
  const [campaigns, setCampaigns] = useState<{ value: string; label: string }[]>([]);
  const [offices, setOffices] = useState<{ value: string; label: string }[]>([]);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [office, setOffice] = useState<string>(REGION);
  const [closingText, setClosingText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    get(surveys, '/v1/console/online').then(setList, () => undefined);
  }, []);
  useEffect(() => {
    load();
    get(referenceRecordsSchema, '/v1/console/reference/campaign').then(
      (records) =>
        setCampaigns(
          records
            .filter((r) => (r.data.channels as string[]).includes('online'))
            .map((r) => ({
              value: r.id,
              label: `${String(r.data.title)} (${ruDate(String(r.data.startsOn))} — ${ruDate(String(r.data.endsOn))})`,
            })),
        ),
      () => undefined,
    );
    get(officeOverviewSchema, '/v1/console/offices').then(
      (list) => setOffices(list.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))),
      () => undefined,
    );
  }, [load]);
  const fail = (e: unknown) =>
    setError(e instanceof ConsoleError ? e.message : t('console.online.failed'));

  const publish = () => {
    if (!campaignId) return;
    setError(null);
    post(z.object({ id: z.string(), slug: z.string() }), '/v1/console/online', {
      campaignId,
      officeCode: office === REGION ? null : office,
      serviceId: null,
      closingText: closingText.trim() || null,
    }).then(() => {
      notifications.show({ color: 'green', message: t('console.online.published') });
      setClosingText('');
      load();
    }, fail);
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('console.online.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('console.online.help')}
      </Text>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group align="end">
            <Select
              label={t('console.online.campaign')}
              description={t('console.online.campaignHint')}
              data={campaigns}
              value={campaignId}
              onChange={setCampaignId}
              w={460}
              required
            />
            <Select
              label={t('console.online.office')}
              data={[{ value: REGION, label: t('console.online.region') }, ...offices]}
              value={office}
              onChange={(v) => setOffice(v ?? REGION)}
              allowDeselect={false}
              searchable
              w={380}
            />
          </Group>
          <Textarea
            label={t('console.online.closingText')}
            description={t('console.online.closingHint')}
            value={closingText}
            onChange={(e) => setClosingText(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          <Button w="fit-content" onClick={publish} disabled={!campaignId}>
            {t('console.online.publish')}
          </Button>
        </Stack>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {list.length === 0 && <Text c="dimmed">{t('console.online.none')}</Text>}
      {list.map((s) => {
        const snippet = embedSnippet(s, t('console.online.embedTitle', { title: s.campaignTitle }));
        return (
          <Paper
            key={s.id}
            withBorder
            p="md"
            data-testid="online-survey"
            aria-label={s.campaignTitle}
          >
            <Group justify="space-between" align="start">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={3} size="h4">
                    {s.campaignTitle}
                  </Title>
                  <Badge
                    color={s.state === 'open' ? 'teal.9' : 'gray.7'}
                    data-testid="online-state"
                  >
                    {t(`console.online.state.${s.state}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {s.templateTitle} · {s.officeName ?? t('console.online.region')}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="light"
                color={s.closedAt ? 'blue' : 'red'}
                onClick={() =>
                  post(
                    z.object({ ok: z.literal(true) }),
                    `/v1/console/online/${s.id}/${s.closedAt ? 'open' : 'close'}`,
                  ).then(load, fail)
                }
              >
                {s.closedAt ? t('console.online.open') : t('console.online.close')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }} mt="sm">
              <Stack gap={6}>
                <Text fw={600} size="sm">
                  {t('console.online.address')}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Anchor
                    href={s.url}
                    target="_blank"
                    rel="noreferrer"
                    size="sm"
                    data-testid="online-url"
                  >
                    {s.url}
                  </Anchor>
                  <CopyButton value={s.url}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="default" onClick={copy}>
                        {copied ? t('console.online.copied') : t('console.online.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Text fw={600} size="sm" mt="xs">
                  {t('console.online.days')}
                </Text>
                {s.days.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('console.online.noAnswers')}
                  </Text>
                ) : (
                  <Stack gap={0} data-testid="online-days">
                    {s.days.map((d) => (
                      <Text size="sm" key={d.day}>
                        {ruDate(d.day)}: {t('console.online.accepted')} {d.accepted}
                        {d.refused > 0 ? `, ${t('console.online.refused')} ${d.refused}` : ''}
                      </Text>
                    ))}
                  </Stack>
                )}
                {s.pending > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('console.online.pending', { n: s.pending })}
                  </Text>
                )}
              </Stack>
              <Stack gap={6} align="start">
                <Text fw={600} size="sm">
                  {t('console.online.qr')}
                </Text>
                <Image
                  src={`/s/${s.slug}/qr.svg`}
                  w={140}
                  h={140}
                  alt={`${t('console.online.qr')}: ${s.url}`}
                />
                <Group gap="xs">
                  <Anchor href={`/s/${s.slug}/qr.svg`} download size="sm">
                    SVG
                  </Anchor>
                  <Anchor href={`/s/${s.slug}/qr.png`} download size="sm">
                    PNG
                  </Anchor>
                </Group>
              </Stack>
              <Stack gap={6}>
                <Text fw={600} size="sm">
                  {t('console.online.embed')}
                </Text>
                <Code
                  block
                  fz="xs"
                  data-testid="online-embed"
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                >
                  {snippet}
                </Code>
                <CopyButton value={snippet}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="default" onClick={copy} w="fit-content">
                      {copied ? t('console.online.copied') : t('console.online.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Stack>
            </SimpleGrid>
          </Paper>
        );
      })}
    </Stack>
  );
}
