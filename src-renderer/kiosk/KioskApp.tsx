import { Button, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../src-shared/contract/api';
import type { Answers } from '../../src-shared/surveys/definition';
import { finalizeAnswers, serviceAnswer } from '../../src-shared/surveys/answers';
import { call } from '../api/client';
import { takeFirstState } from './first-state';
import { PinPad } from './PinPad';
import { NO_AIDS, ReadingAids, type ReadingAidsState } from './ReadingAids';
import { QrCode } from '../app/QrCode';
import { SurveyForm } from './SurveyForm';
import { useIdle } from './use-idle';
import { k } from './strings';

type State = Output<'kiosk.state'>;
type Entry = State['campaigns'][number];
type Phase = 'loading' | 'welcome' | 'survey' | 'thanks';

const THANKS_MS = 6000;

const STILL_HERE_S = 15;

/**
 * welcome → questions → thank-you → welcome. Answers live only in this screen's memory until
 * the visitor sends them; the core writes the response in one transaction before the thank-you
 * appears. Idle → "are you still here?" → reset, keeping or discarding the partial answers as
 * the administrator set. Each new visitor starts with the default view.
 */
export function KioskApp() {
  const [phase, setPhase] = useState<Phase>('loading');
  const [state, setState] = useState<State | null>(null);
  const [entry, setEntry] = useState<Entry | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [aids, setAids] = useState<ReadingAidsState>(NO_AIDS);
  const [pinOpen, setPinOpen] = useState(false);
  const [countdown, setCountdown] = useState(STILL_HERE_S);

  const reset = useCallback(() => {
    const firstState = takeFirstState();
    setEntry(null);
    setAnswers({});
    setMissing([]);
    setError(null);
    setAids(NO_AIDS);
    setPhase('welcome');
    (firstState ?? call('kiosk.state', { channel: 'kiosk' })).then(setState, () =>
      setError(k('noConnection')),
    );
  }, []);

  useEffect(reset, [reset]);
  useEffect(() => {
    document.body.classList.toggle('kiosk-large', aids.large);
  }, [aids.large]);

  const idle = useIdle(state?.settings.idleSeconds ?? 60, phase === 'survey');
  // The countdown runs against a deadline, not by counting ticks, so it stays right whatever
  // the timers do (a sleeping machine, a busy renderer).
  const giveUp = useRef<() => void>(() => undefined);
  useEffect(() => {
    giveUp.current = () => {
      const keep = state?.settings.keepPartial && entry && Object.keys(answers).length > 0;
      const done = keep
        ? call('surveys.submit', {
            campaignId: entry.campaign.id,
            serviceId: null,
            channel: 'kiosk',
            date: null,
            answers,
            partial: true,
          }).catch(() => undefined)
        : Promise.resolve();
      void done.then(reset);
    };
  });
  useEffect(() => {
    if (!idle) return;
    const deadline = Date.now() + STILL_HERE_S * 1000;
    const tick = () => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left > 0) return setCountdown(left);
      clearInterval(timer);
      giveUp.current();
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [idle]);

  useEffect(() => {
    if (phase !== 'thanks') return;
    const t = setTimeout(reset, THANKS_MS);
    return () => clearTimeout(t);
  }, [phase, reset]);

  const submit = async () => {
    if (!entry) return;
    const check = finalizeAnswers(
      entry.definition,
      answers,
      entry.services.map((s) => s.id),
    );
    if (!check.ok) {
      const names = check.issues.map((i) => i.path);
      setMissing(names);
      document.querySelector(`[data-question="${names[0]}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setSubmitting(true);
    try {
      await call('surveys.submit', {
        campaignId: entry.campaign.id,
        serviceId: serviceAnswer(entry.definition, check.answers),
        channel: 'kiosk',
        date: null,
        answers: check.answers,
      });
      setAnswers({});
      setPhase('thanks');
    } catch {
      setError(k('saveFailed'));
    } finally {
      setSubmitting(false);
    }
  };

  const exit = async (pin: string) => {
    const { ok } = await call('kiosk.verifyPin', { pin });
    if (ok) {
      if (window.otklik?.exitKiosk) await window.otklik.exitKiosk(pin);
      else window.location.href = '/';
    }
    return ok;
  };

  const toggles = (
    <ReadingAids value={aids} onChange={setAids} showOnePerScreen={phase === 'survey'} />
  );

  return (
    <main className={`kiosk-root${aids.contrast ? ' contrast' : ''}`}>
      {toggles}
      <div className="kiosk-page">
        {phase === 'loading' && <Loader />}
        {phase === 'welcome' && (
          <Stack align="center" mt="xl" gap="xl">
            <Title order={1} ta="center">
              {k('welcome')}
            </Title>
            <Text ta="center" maw={800}>
              {k('anonymous')}
            </Text>
            {state?.campaigns.length === 0 && <Text>{k('noSurveys')}</Text>}
            {state?.campaigns.map((c) => (
              <Button
                key={c.campaign.id}
                size="xl"
                className="kiosk-big-button"
                maw={900}
                styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
                h="auto"
                py="md"
                onClick={() => {
                  setEntry(c);
                  setPhase('survey');
                }}
              >
                {c.definition.title}
              </Button>
            ))}
          </Stack>
        )}
        {phase === 'survey' && entry && (
          <SurveyForm
            definition={entry.definition}
            services={entry.services}
            answers={answers}
            onAnswers={(a) => {
              setAnswers(a);
              setMissing((m) => m.filter((n) => a[n] === undefined));
            }}
            onePerScreen={aids.onePerScreen}
            onSubmit={() => void submit()}
            submitting={submitting}
            missing={missing}
          />
        )}
        {phase === 'thanks' && (
          <Stack align="center" mt={state?.thanksOnline ? 48 : 120}>
            <Title order={1}>{k('thanks')}</Title>
            <Text>{k('thanksMore')}</Text>
            {state?.thanksOnline && (
              <Stack align="center" gap="xs" mt="lg" data-testid="thanks-online">
                <Text ta="center" maw={700}>
                  {k('thanksOnline')}
                </Text>
                <QrCode
                  value={state.thanksOnline.url}
                  size={220}
                  label={k('thanksOnlineQr', { title: state.thanksOnline.title })}
                />
                <Text size="sm" c="dimmed">
                  {state.thanksOnline.url}
                </Text>
              </Stack>
            )}
          </Stack>
        )}
        {error && (
          <Text c="red" role="alert" mt="md">
            {error}
          </Text>
        )}
      </div>
      {phase === 'welcome' && (
        <Button
          variant="subtle"
          size="xs"
          pos="fixed"
          bottom={8}
          left={8}
          onClick={() => setPinOpen(true)}
        >
          {k('exit')}
        </Button>
      )}
      <PinPad opened={pinOpen} onClose={() => setPinOpen(false)} onPin={exit} />
      <Modal
        opened={idle && phase === 'survey'}
        onClose={() => undefined}
        withCloseButton={false}
        centered
        size="lg"
      >
        <Stack align="center">
          <Title order={2}>{k('stillHere')}</Title>
          <Text>{k('restartIn', { n: countdown })}</Text>
          <Button size="xl" className="kiosk-big-button">
            {k('continue')}
          </Button>
        </Stack>
      </Modal>
    </main>
  );
}
