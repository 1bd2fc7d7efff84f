import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/api';
import { isValidLocalDateTime } from '../../../src-shared/domain/dates';
import { call } from '../../api/client';
import type { SetField } from './field-binding';
import type { FormState } from './form-state';
import { formatDateTime } from './format';

type Candidate = Output<'appeals.repeatCandidates'>[number];

/**
 * Tells the officer, while the card is typed, that the same person raised the same question
 * within the year (src-shared/domain/repeat.ts), and links the card to the earlier one on
 * request. Nothing is linked without the officer.
 */
export function RepeatHint({
  state,
  set,
  appealId,
}: {
  state: FormState;
  set: SetField;
  appealId: string | null;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<Candidate[]>([]);
  const [linkedNumber, setLinkedNumber] = useState<string | null>(null);
  const { visitorName, visitorPhone, visitorEmail, topicCodes, registeredAt, repeatOfId } = state;

  useEffect(() => {
    if (!visitorName?.trim() || topicCodes.length === 0 || !isValidLocalDateTime(registeredAt)) {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => {
      call('appeals.repeatCandidates', {
        visitorName,
        visitorPhone: visitorPhone || null,
        visitorEmail: visitorEmail || null,
        topicCodes,
        registeredAt,
        excludeId: appealId,
      }).then(setFound, () => setFound([]));
    }, 400);
    return () => clearTimeout(timer);
  }, [visitorName, visitorPhone, visitorEmail, topicCodes, registeredAt, appealId]);

  useEffect(() => {
    if (!repeatOfId) return;
    call('appeals.get', { id: repeatOfId }).then(
      (a) => setLinkedNumber(a.regNumber),
      () => setLinkedNumber(null),
    );
  }, [repeatOfId]);

  if (repeatOfId) {
    return (
      <Alert color="blue" data-testid="repeat-linked">
        <Group justify="space-between">
          <Text size="sm">{t('card.repeatLinked', { number: linkedNumber ?? '…' })}</Text>
          <Button size="xs" variant="subtle" onClick={() => set('repeatOfId', null)}>
            {t('card.repeatUnlink')}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (found.length === 0) return null;
  return (
    <Alert color="yellow" title={t('card.repeatFound')} data-testid="repeat-hint">
      <Stack gap={6}>
        <Text size="sm">{t('card.repeatHint')}</Text>
        {found.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Text size="sm" lineClamp={1}>
              {c.regNumber} · {formatDateTime(c.registeredAt)} · {c.content}
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                set('isRepeat', true);
                set('repeatOfId', c.id);
              }}
            >
              {t('card.repeatLink', { number: c.regNumber })}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
