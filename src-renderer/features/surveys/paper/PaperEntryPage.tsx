import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../src-shared/contract/api';
import { localToday } from '../../../../src-shared/domain/dates';
import { questionNumbers } from '../../../../src-shared/surveys/logic';
import {
  choose,
  entryKey,
  START,
  visibleQuestions,
  type EntryState,
} from '../../../../src-shared/surveys/paper-entry';
import { call } from '../../../api/client';
import { errorMessage } from '../../../app/errors';
import { EntryQuestion } from './EntryQuestion';
import './entry.css';
import { DateField } from '../../../app/DateFields';
import { serviceAnswer } from '../../../../src-shared/surveys/answers';

type Entry = Output<'kiosk.state'>['campaigns'][number];

/**
 * Typing in returned paper forms, keyboard first (the keys: src-shared/surveys/paper-entry.ts).
 * Each form is saved anonymously with channel = paper and the date written on it (today by
 * default); the screen then clears for the next form and only counts how many were entered.
 */
export default function PaperEntryPage() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [date, setDate] = useState(localToday());
  const [state, setState] = useState<EntryState>(START);
  const [saved, setSaved] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    call('kiosk.state', { channel: 'paper' }).then(
      (s) => {
        setEntries(s.campaigns);
        if (s.campaigns.length === 1) setCampaignId(s.campaigns[0]!.campaign.id);
      },
      (e) => setError(errorMessage(t, e)),
    );
  }, [t]);

  const entry = entries.find((e) => e.campaign.id === campaignId) ?? null;
  const shown = entry ? visibleQuestions(entry.definition, state.answers) : [];
  const current = shown[state.cursor.q];

  // Focus follows the cursor: the text field of an open answer, the save button at the end,
  // otherwise the entry area that takes the digits.
  useEffect(() => {
    if (!entry) return;
    if (state.atEnd) saveButton.current?.focus();
    else if (current?.type === 'comment') text.current?.focus();
    else area.current?.focus();
    document
      .querySelector(`[data-question="${current?.name}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [entry, state.atEnd, state.cursor.q, current?.type, current?.name]);

  const save = async () => {
    if (!entry) return;
    try {
      await call('surveys.submit', {
        campaignId: entry.campaign.id,
        serviceId: serviceAnswer(entry.definition, state.answers),
        channel: 'paper',
        date,
        answers: state.answers,
      });
      setState(START);
      setSaved((n) => n + 1);
      setError(null);
      notifications.show({ color: 'green', message: t('paper.saved') });
      area.current?.focus();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };
  useHotkeys([['mod+S', () => void save()]], []);

  const onKey = (e: React.KeyboardEvent) => {
    if (!entry || e.ctrlKey || e.metaKey || e.altKey) return;
    const next = entryKey(entry.definition, entry.services, state, {
      key: e.key,
      shift: e.shiftKey,
    });
    if (!next) return;
    e.preventDefault();
    setState(next);
  };
  const onTextKey = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || !entry) return;
    e.preventDefault();
    e.stopPropagation();
    setState(
      entryKey(entry.definition, entry.services, state, { key: 'Enter', shift: e.shiftKey })!,
    );
  };

  const numbers = entry ? questionNumbers(entry.definition) : new Map<string, number>();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('paper.title')}</Title>
      <Group align="end">
        <Select
          label={t('paper.campaign')}
          data={entries.map((e) => ({ value: e.campaign.id, label: e.campaign.title }))}
          value={campaignId}
          onChange={(v) => {
            setCampaignId(v);
            setState(START);
          }}
          w={420}
          nothingFoundMessage={t('paper.noCampaigns')}
        />
        <DateField label={t('paper.date')} value={date} max={localToday()} onChange={setDate} />
        <Text c="dimmed" mb={6} aria-live="polite">
          {t('paper.count', { count: saved })}
        </Text>
      </Group>
      {entries.length === 0 && <Text>{t('paper.noCampaigns')}</Text>}
      <Text size="sm" c="dimmed">
        {t('paper.keys')}
      </Text>
      {entry && (
        <div
          ref={area}
          tabIndex={0}
          className="entry-area"
          role="group"
          aria-label={t('paper.area')}
          onKeyDown={onKey}
        >
          {shown.map((q, i) => (
            <EntryQuestion
              key={q.name}
              number={numbers.get(q.name)}
              question={q}
              value={state.answers[q.name]}
              active={i === state.cursor.q && !state.atEnd}
              row={state.cursor.row}
              buffer={state.cursor.buffer}
              services={entry.services}
              onChoose={(n, row) =>
                setState(
                  choose(
                    entry.definition,
                    entry.services,
                    { ...state, cursor: { q: i, row, buffer: '' } },
                    n,
                  ),
                )
              }
              onText={(value) => {
                const answers = { ...state.answers };
                if (value) answers[q.name] = value;
                else delete answers[q.name];
                setState({ ...state, answers, cursor: { q: i, row: 0, buffer: '' } });
              }}
              onTextKey={onTextKey}
              textRef={i === state.cursor.q ? text : undefined}
            />
          ))}
        </div>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button ref={saveButton} onClick={() => void save()} disabled={!entry}>
          {t('paper.save')}
        </Button>
        <Button variant="default" onClick={() => setState(START)} disabled={!entry}>
          {t('paper.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
