import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import type { ClassifierNode } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';
import { useAuth } from '../auth/auth-context';
import { ClassifierBrowser } from './ClassifierBrowser';
import { forgetShown, noteShown } from './suggestion-log';

type Suggested = Output<'classifier.suggest'>;

/**
 * Help with coding a card: codes suggested from the text typed (and its tone), the office's
 * favourite codes, and the whole tree. Each adds a code only when the officer clicks it.
 */
export function TopicHelpers({
  content,
  value,
  onChange,
}: {
  content: string;
  value: string[];
  onChange(codes: string[]): void;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [text] = useDebouncedValue(content, 500);
  const [suggested, setSuggested] = useState<Suggested | null>(null);
  const [favourites, setFavourites] = useState<ClassifierNode[]>([]);
  const [browsing, setBrowsing] = useState(false);

  useEffect(() => {
    call('classifier.favourites', {}).then(setFavourites, () => undefined);
  }, []);
  useEffect(() => {
    if (text.trim().split(/\s+/).length < 2) {
      setSuggested(null);
      return;
    }
    call('classifier.suggest', { text, limit: 3 }).then(
      (found) => {
        setSuggested(found);
        noteShown(
          found.topics.map((s) => s.code),
          found.modelVersion,
        );
      },
      () => setSuggested(null),
    );
  }, [text]);
  useEffect(() => forgetShown, []);

  const add = useCallback(
    (code: string) => {
      if (!value.includes(code)) onChange([...value, code]);
    },
    [value, onChange],
  );
  // Alt+1 … Alt+3 add the first, second or third suggestion without leaving the text.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.code.replace('Digit', '')) || Number(e.key);
      const s = suggested?.topics[n - 1];
      if (!s) return;
      e.preventDefault();
      add(s.code);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const star = (code: string, on: boolean) => {
    call('classifier.setFavourite', { code, favourite: on }).then(setFavourites, () => undefined);
  };
  const favouriteCodes = new Set(favourites.map((f) => f.code));

  return (
    <>
      {suggested && suggested.topics.length > 0 && (
        <Group gap={6} data-testid="topic-suggestions">
          <Text size="sm" c="dimmed">
            {t('classifier.suggested')}
          </Text>
          {suggested.topics.map((s, i) => (
            <Stack key={s.code} gap={0}>
              <Button
                size="compact-xs"
                variant={value.includes(s.code) ? 'filled' : 'light'}
                onClick={() => add(s.code)}
                title={`${s.title} (Alt+${i + 1})`}
                aria-keyshortcuts={`Alt+${i + 1}`}
              >
                {i + 1}. + {s.code} — {s.title.length > 50 ? `${s.title.slice(0, 50)}…` : s.title}
              </Button>
              {(s.why.length > 0 || s.request !== null) && (
                <Text size="xs" c="dimmed" data-testid="suggestion-why">
                  {s.request !== null && `${t('classifier.request', { n: s.request + 1 })} `}
                  {s.why.length > 0 && t('classifier.why', { words: s.why.join(', ') })}
                </Text>
              )}
            </Stack>
          ))}
          <Badge
            color={suggested.tone === 'negative' ? 'orange' : 'gray'}
            variant="light"
            data-testid="tone"
          >
            {t(`classifier.tone.${suggested.tone}`)}
          </Badge>
        </Group>
      )}
      <Group gap={6}>
        {favourites.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {t('classifier.favourites')}
            </Text>
            {favourites.map((f) => (
              <Button
                key={f.code}
                size="compact-xs"
                variant="default"
                onClick={() => add(f.code)}
                title={f.title}
              >
                ★ {f.code}
              </Button>
            ))}
          </>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => setBrowsing(true)}>
          {t('classifier.browse')}
        </Button>
      </Group>
      <ClassifierBrowser
        opened={browsing}
        onClose={() => setBrowsing(false)}
        favourites={favouriteCodes}
        onPick={(code) => {
          add(code);
          setBrowsing(false);
        }}
        onStar={auth.can('cards.write') ? star : () => undefined}
      />
    </>
  );
}
