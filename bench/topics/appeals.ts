import { createRandom } from '../synthetic/random';
import { FRAGMENTS, NOISE, type CodeFragments } from './fragments';

/**
 * Whole appeals composed from the hand-written fragments (docs/topics.md): a greeting, the
 * writer with a made-up name, address and telephone, the problem told in one or two
 * sentences among complaints about earlier letters and feelings, sometimes a law quoted and a
 * date, the request (or none), sometimes a second problem with its own request, a closing.
 * Seeded, so every run reads the same texts.
 */
export interface CodedAppeal {
  text: string;
  /** The codes a registrar gives: the main question first, a second request's after it. */
  codes: string[];
}

export type Split = 'history' | 'tune' | 'test';

/** Which fragments each split may use (fragments.ts). */
const PARTS: Record<Split, { story: number[]; ask: number[] }> = {
  history: { story: [0, 1], ask: [0] },
  tune: { story: [2], ask: [1] },
  test: { story: [3, 4], ask: [2] },
};

/** The bench's seeded generator (bench/synthetic/random.ts), so the corpus is the same everywhere. */
export function seeded(seed: number) {
  const r = createRandom(seed);
  return { next: r.next, int: (n: number) => r.int(0, n - 1), pick: r.pick };
}

type Rng = ReturnType<typeof seeded>;

const phone = (r: Rng) =>
  `8-9${r.int(10)}${r.int(10)}-${100 + r.int(900)}-${10 + r.int(90)}-${10 + r.int(90)}`;
const date = (r: Rng) =>
  r.next() < 0.5
    ? `${1 + r.int(28)} ${r.pick(NOISE.month)} 202${4 + r.int(3)} года`
    : `${String(1 + r.int(28)).padStart(2, '0')}.${String(1 + r.int(12)).padStart(2, '0')}.202${4 + r.int(3)}`;

function writer(r: Rng): { intro: string; signature: string } {
  const surname = r.pick(NOISE.surname);
  const given = r.pick(NOISE.given);
  const address = `${r.pick(NOISE.town)}, ул. ${r.pick(NOISE.street)}, д. ${1 + r.int(80)}${r.next() < 0.6 ? `, кв. ${1 + r.int(120)}` : ''}`;
  const intros = [
    `Я, ${surname} ${given}, проживаю по адресу: ${address}.`,
    `Меня зовут ${surname} ${given}, живу по адресу ${address}, тел. ${phone(r)}.`,
    `Пишет Вам жительница ${address}.`,
    `К Вам обращается ${surname} ${given} (${address}).`,
    '',
  ];
  const initials = given
    .split(' ')
    .map((w) => `${w[0]}.`)
    .join('');
  return {
    intro: r.pick(intros),
    signature: r.pick([
      `${surname} ${initials}`,
      `${surname} ${given}, тел. ${phone(r)}`,
      `${date(r)}`,
      '',
    ]),
  };
}

function problem(r: Rng, f: CodeFragments, split: Split, withAsk: boolean): string[] {
  const parts = PARTS[split];
  const story = parts.story.length > 1 && r.next() < 0.4 ? parts.story : [r.pick(parts.story)];
  const out = story.map((i) => f.story[i]!);
  if (r.next() < 0.3) out.splice(r.int(out.length + 1), 0, `Еще ${date(r)} я сообщала об этом.`);
  if (withAsk) out.push(f.ask[r.pick(parts.ask)]!);
  return out;
}

/** One appeal about `main` (and `second` when given), written from `split`'s fragments. */
export function composeAppeal(
  r: Rng,
  main: CodeFragments,
  split: Split,
  second: CodeFragments | null,
): CodedAppeal {
  const { intro, signature } = writer(r);
  const body: string[] = [];
  const pool = split === 'test' ? NOISE.heldOutAside : NOISE.aside;
  const asides = [...pool].sort(() => r.next() - 0.5).slice(0, 2 + r.int(4));
  const told = problem(r, main, split, r.next() < 0.85);
  // Asides fall before, between and after the problem's sentences, as in a letter.
  body.push(...asides.slice(0, 2));
  body.push(...told.slice(0, -1));
  body.push(...asides.slice(2, 3));
  if (r.next() < 0.4) body.push(r.pick(NOISE.law));
  body.push(told[told.length - 1]!);
  body.push(...asides.slice(3));
  if (second) {
    body.push(r.pick(['Также хочу сообщить о другой беде.', 'И еще один вопрос.', 'Кроме того,']));
    body.push(...problem(r, second, split, true));
  }
  const text = [
    r.pick(NOISE.greeting),
    intro,
    r.pick(NOISE.opener),
    ...body,
    r.pick(NOISE.closing),
    signature,
  ]
    .filter((s) => s.length > 0)
    .join(r.next() < 0.3 ? '\n' : ' ');
  return { text, codes: second ? [main.code, second.code] : [main.code] };
}

/**
 * A split's appeals: `perCode` for every question, about a third with a second request (from
 * another question), seeded by the split so history, tuning and test never share a text.
 */
export function appeals(split: Split, perCode: number, seed = 1): CodedAppeal[] {
  const r = seeded(seed * 7919 + { history: 1, tune: 2, test: 3 }[split]);
  const out: CodedAppeal[] = [];
  for (const f of FRAGMENTS) {
    for (let k = 0; k < perCode; k++) {
      let second: CodeFragments | null = null;
      if (r.next() < 0.3) {
        do second = r.pick(FRAGMENTS);
        while (second.code === f.code);
      }
      out.push(composeAppeal(r, f, split, second));
    }
  }
  return out;
}
