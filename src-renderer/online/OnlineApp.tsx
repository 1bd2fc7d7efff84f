import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ruDate } from '../../src-shared/domain/dates';
import { finalizeAnswers } from '../../src-shared/surveys/answers';
import type { Answers } from '../../src-shared/surveys/definition';
import { applySkipLogic } from '../../src-shared/surveys/logic';
import { questionsOf } from '../../src-shared/surveys/model';
import type { OnlinePage } from '../../src-shared/surveys/online';
import { ONLINE_SLUG } from '../../src-shared/surveys/online-rules';
import { NO_AIDS, ReadingAids, type ReadingAidsState } from '../kiosk/ReadingAids';
import { SurveyForm } from '../kiosk/SurveyForm';
import { o } from './strings';

type Phase =
  | { kind: 'loading' }
  | { kind: 'not_found' }
  | { kind: 'offline' }
  | { kind: 'page'; page: OnlinePage }
  | { kind: 'answered' }
  | { kind: 'thanks' };

/** This browser answered the campaign (the server keeps the same mark in a cookie). */
const answeredKey = (campaignId: string) => `otklik.answered.${campaignId}`;
/** Answers being typed: kept in this tab only (sessionStorage), gone once sent. */
const draftKey = (s: string) => `otklik.draft.${s}`;

interface Draft {
  answers: Answers;
  officeCode: string;
}

function readDraft(s: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(s));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d !== 'object' || d === null || typeof d.answers !== 'object' || !d.answers)
      return null;
    return { answers: d.answers, officeCode: typeof d.officeCode === 'string' ? d.officeCode : '' };
  } catch {
    return null; // storage off (private mode) or damaged: start empty
  }
}

function store(fn: () => void) {
  try {
    fn();
  } catch {
    // Storage full or forbidden: the survey still works, it just is not kept across reloads.
  }
}

/**
 * The visitor's page of an online survey (issue 18): the kiosk's questionnaire (its numbering,
 * skip logic, scales, reading aids) on a phone. It talks to the central with two requests, the
 * questionnaire and the answers, and keeps nothing about the visitor anywhere but in this
 * browser: the answers being typed (this tab only) and an "answered" mark.
 */
export function OnlineApp({
  slug: s,
  initial,
}: {
  slug: string;
  /**
   * The page as the central rendered it into the HTML (first paint without a request): the
   * survey, or null for an address that is no survey. Absent: asked for after loading.
   */
  initial?: OnlinePage | null;
}) {
  const [phase, setPhase] = useState<Phase>(
    initial === undefined
      ? { kind: 'loading' }
      : initial === null
        ? { kind: 'not_found' }
        : { kind: 'page', page: initial },
  );
  const [answers, setAnswers] = useState<Answers>({});
  const [officeCode, setOfficeCode] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [officeMissing, setOfficeMissing] = useState(false);
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [aids, setAids] = useState<ReadingAidsState>(NO_AIDS);

  useEffect(() => {
    // Hydrated (or drawn): from now on a tap counts. The online bench reads this mark.
    document.documentElement.dataset.ready = '1';
  }, []);

  useEffect(() => {
    // What only this browser knows (its mark, a half-typed form) is applied after the first
    // paint, so the central's HTML and the first render agree.
    const arrive = (page: OnlinePage) => {
      let answered = false;
      store(() => (answered = localStorage.getItem(answeredKey(page.campaignId)) !== null));
      if (answered && page.state === 'open') return setPhase({ kind: 'answered' });
      const draft = page.state === 'open' && page.definition ? readDraft(s) : null;
      if (draft && page.definition) {
        // Only answers to this questionnaire's questions, after its skip logic: a draft of an
        // older version (or one edited by hand) must not leave an answer nobody can see.
        const known = new Set(questionsOf(page.definition).map((q) => q.name));
        const kept = Object.fromEntries(
          Object.entries(draft.answers).filter(([name]) => known.has(name)),
        );
        draft.answers = applySkipLogic(page.definition, kept).answers;
        setAnswers(draft.answers);
        setOfficeCode(draft.officeCode);
        setRestored(Object.keys(draft.answers).length > 0);
      }
      setPhase({ kind: 'page', page });
    };
    if (initial !== undefined) {
      if (initial) arrive(initial);
      return;
    }
    if (!ONLINE_SLUG.test(s)) {
      setPhase({ kind: 'not_found' });
      return;
    }
    fetch(`/v1/online/${s}`, { headers: { accept: 'application/json' } })
      .then(async (r) => {
        if (r.status === 404) return setPhase({ kind: 'not_found' });
        if (!r.ok) throw new Error(String(r.status));
        // The shape is onlinePageSchema's (the central's tests hold its answer to it); the page
        // only makes sure it got a page at all (no zod here: see online-rules.ts).
        const page = (await r.json()) as OnlinePage;
        if (typeof page?.state !== 'string' || typeof page.campaignId !== 'string')
          throw new Error('not a page');
        document.title = page.definition?.title ?? page.title;
        arrive(page);
      })
      .catch(() => setPhase({ kind: 'offline' }));
  }, [s, initial]);

  useEffect(() => {
    document.body.classList.toggle('kiosk-large', aids.large);
  }, [aids.large]);

  const keep = (next: Answers, office: string) =>
    store(() =>
      sessionStorage.setItem(draftKey(s), JSON.stringify({ answers: next, officeCode: office })),
    );

  const submit = async (page: OnlinePage) => {
    if (!page.definition) return;
    const check = finalizeAnswers(
      page.definition,
      answers,
      page.services.map((x) => x.id),
    );
    const noOffice = page.offices !== null && !page.offices.some((x) => x.code === officeCode);
    setOfficeMissing(noOffice);
    if (!check.ok || noOffice) {
      const names = check.ok ? [] : check.issues.map((i) => i.path);
      setMissing(names);
      setError(o('missing'));
      const first = noOffice
        ? document.getElementById('online-office')
        : document.querySelector(`[data-question="${names[0]}"]`);
      first?.scrollIntoView({ block: 'center' });
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const r = await fetch(`/v1/online/${s}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: check.answers,
          serviceId: null,
          officeCode: page.offices ? officeCode : null,
        }),
      });
      if (r.ok) {
        store(() => sessionStorage.removeItem(draftKey(s)));
        store(() => localStorage.setItem(answeredKey(page.campaignId), '1'));
        setAnswers({});
        setPhase({ kind: 'thanks' });
        window.scrollTo(0, 0);
        return;
      }
      const body = (await r.json().catch(() => ({}))) as { error?: string; message?: string };
      if (r.status === 409 && body.error === 'already_answered') {
        store(() => localStorage.setItem(answeredKey(page.campaignId), '1'));
        setPhase({ kind: 'answered' });
      } else if (r.status === 409) {
        setPhase({ kind: 'page', page: { ...page, state: 'closed', definition: null } });
      } else if (r.status === 429) setError(o('tooMany'));
      else setError(o('refused', { reason: body.message ?? String(r.status) }));
    } catch {
      setError(o('noConnection'));
    } finally {
      setSubmitting(false);
    }
  };

  const notice = (title: string, text: string) => (
    <Stack mt="xl" gap="md">
      <Title order={1} fz="1.4em">
        {title}
      </Title>
      <Text>{text}</Text>
    </Stack>
  );

  let body: React.ReactNode;
  if (phase.kind === 'loading')
    body = (
      <Stack align="center" mt="xl">
        <Loader aria-label={o('loading')} />
      </Stack>
    );
  else if (phase.kind === 'not_found') body = notice(o('notFound'), '');
  else if (phase.kind === 'offline') body = notice(o('noConnection'), '');
  else if (phase.kind === 'answered') body = notice(o('answeredTitle'), o('answeredText'));
  else if (phase.kind === 'thanks') body = notice(o('thanks'), o('thanksMore'));
  else {
    const { page } = phase;
    if (page.state !== 'open' || !page.definition) {
      body =
        page.state === 'not_started'
          ? notice(o('notStartedTitle'), o('notStartedText', { date: ruDate(page.startsOn) }))
          : notice(o('closedTitle'), page.closingText || o('closedText'));
    } else {
      body = (
        <>
          {page.officeName && (
            <Text fw={600} mb="xs">
              {page.officeName}
            </Text>
          )}
          <Text mb="md">{o('anonymous')}</Text>
          {restored && (
            <Alert color="blue" mb="md" onClose={() => setRestored(false)} withCloseButton>
              {o('draftRestored')}
            </Alert>
          )}
          {page.offices && (
            <section
              className={`kiosk-question${officeMissing ? ' kiosk-missing' : ''}`}
              id="online-office"
            >
              <h2>
                <label htmlFor="online-office-select">{o('office')} *</label>
              </h2>
              <select
                id="online-office-select"
                className="online-select"
                value={officeCode}
                onChange={(e) => {
                  setOfficeCode(e.currentTarget.value);
                  setOfficeMissing(false);
                  keep(answers, e.currentTarget.value);
                }}
              >
                <option value="">{o('officeChoose')}</option>
                {page.offices.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x.name}
                  </option>
                ))}
              </select>
              {officeMissing && (
                <Text c="red" mt={6}>
                  {o('officeRequired')}
                </Text>
              )}
            </section>
          )}
          <SurveyForm
            definition={page.definition}
            services={page.services}
            answers={answers}
            onAnswers={(a) => {
              setAnswers(a);
              setMissing((m) => m.filter((n) => a[n] === undefined));
              keep(a, officeCode);
            }}
            onePerScreen={aids.onePerScreen}
            onSubmit={() => void submit(page)}
            submitting={submitting}
            missing={missing}
            onScreenKeyboard={false}
          />
        </>
      );
    }
  }

  return (
    <main className={`kiosk-root online-root${aids.contrast ? ' contrast' : ''}`}>
      <ReadingAids
        value={aids}
        onChange={setAids}
        size="md"
        showOnePerScreen={phase.kind === 'page' && phase.page.state === 'open'}
      />
      <div className="kiosk-page">
        {body}
        {error && (
          <Text c="red" role="alert" mt="md">
            {error}
          </Text>
        )}
      </div>
    </main>
  );
}
