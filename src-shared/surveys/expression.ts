/**
 * The subset of SurveyJS's expression language that paper questionnaires need for their skip
 * rules: {question} references, string/number/boolean literals, arrays, = == != <> < <= > >=,
 * anyof, allof, contains, notcontains, empty, notempty, and, or, not/!, parentheses.
 * Parsing is separate from evaluation so templates can be checked when they are imported.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export type Expr =
  | { kind: 'literal'; value: Value }
  | { kind: 'variable'; name: string }
  | { kind: 'array'; items: Expr[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'unary'; op: 'empty' | 'notempty'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };

type BinaryOp =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'anyof' | 'allof' | 'contains' | 'notcontains';

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { t: 'var'; v: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'num'; v: number; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'punct'; v: '(' | ')' | '[' | ']' | ','; at: number };

const OPS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>', '!'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '{') {
      const end = source.indexOf('}', i);
      if (end === -1) throw new ExpressionError('unclosed {', i);
      const name = source.slice(i + 1, end).trim();
      if (name === '') throw new ExpressionError('empty {}', i);
      tokens.push({ t: 'var', v: name, at: i });
      i = end + 1;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end === -1) throw new ExpressionError('unclosed string', i);
      tokens.push({ t: 'str', v: source.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(source.slice(i))!;
      tokens.push({ t: 'num', v: Number(m[0]), at: i });
      i += m[0].length;
    } else if ('()[],'.includes(ch)) {
      tokens.push({ t: 'punct', v: ch as '(' | ')' | '[' | ']' | ',', at: i });
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_]+/.exec(source.slice(i))!;
      tokens.push({ t: 'word', v: m[0].toLowerCase(), at: i });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => source.startsWith(o, i));
      if (!op) throw new ExpressionError(`unexpected "${ch}"`, i);
      tokens.push({ t: 'op', v: op, at: i });
      i += op.length;
    }
  }
  return tokens;
}

const WORD_OPS = new Set(['anyof', 'allof', 'contains', 'notcontains']);

export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): never => {
    throw new ExpressionError(message, peek()?.at ?? source.length);
  };
  const isWord = (w: string) => peek()?.t === 'word' && peek()!.v === w;
  const isPunct = (p: string) => peek()?.t === 'punct' && peek()!.v === p;

  function or(): Expr {
    let left = and();
    while (isWord('or')) {
      pos++;
      left = { kind: 'logical', op: 'or', left, right: and() };
    }
    return left;
  }
  function and(): Expr {
    let left = unary();
    while (isWord('and')) {
      pos++;
      left = { kind: 'logical', op: 'and', left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (isWord('not') || (peek()?.t === 'op' && peek()!.v === '!')) {
      pos++;
      return { kind: 'not', operand: unary() };
    }
    return comparison();
  }
  function comparison(): Expr {
    const left = operand();
    const tok = peek();
    if (tok?.t === 'word' && (tok.v === 'empty' || tok.v === 'notempty')) {
      pos++;
      return { kind: 'unary', op: tok.v, operand: left };
    }
    if (tok?.t === 'word' && WORD_OPS.has(tok.v)) {
      pos++;
      return { kind: 'binary', op: tok.v as BinaryOp, left, right: operand() };
    }
    if (tok?.t === 'op' && tok.v !== '!') {
      pos++;
      const op = tok.v === '==' ? '=' : tok.v === '<>' ? '!=' : (tok.v as BinaryOp);
      return { kind: 'binary', op, left, right: operand() };
    }
    return left;
  }
  function operand(): Expr {
    const tok = peek();
    if (!tok) return fail('unexpected end');
    pos++;
    switch (tok.t) {
      case 'var':
        return { kind: 'variable', name: tok.v };
      case 'str':
        return { kind: 'literal', value: tok.v };
      case 'num':
        return { kind: 'literal', value: tok.v };
      case 'word':
        if (tok.v === 'true' || tok.v === 'false')
          return { kind: 'literal', value: tok.v === 'true' };
        return fail(`unexpected "${tok.v}"`);
      case 'punct':
        if (tok.v === '(') {
          const inner = or();
          if (!isPunct(')')) fail('expected )');
          pos++;
          return inner;
        }
        if (tok.v === '[') {
          const items: Expr[] = [];
          while (!isPunct(']')) {
            items.push(operand());
            if (isPunct(',')) pos++;
            else if (!isPunct(']')) fail('expected , or ]');
          }
          pos++;
          return { kind: 'array', items };
        }
        return fail(`unexpected "${tok.v}"`);
      case 'op':
        return fail(`unexpected "${tok.v}"`);
    }
  }

  const expr = or();
  if (pos < tokens.length) fail('unexpected text after the expression');
  return expr;
}

/** Every {question} an expression refers to. */
export function variablesOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'variable':
      return [expr.name];
    case 'literal':
      return [];
    case 'array':
      return expr.items.flatMap(variablesOf);
    case 'not':
    case 'unary':
      return variablesOf(expr.operand);
    case 'logical':
    case 'binary':
      return [...variablesOf(expr.left), ...variablesOf(expr.right)];
  }
}

const isEmpty = (v: Value | undefined) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

// Loose equality as SurveyJS does it: 5 equals '5'.
const same = (a: Value | undefined, b: Value | undefined) =>
  a === b ||
  (a !== null && b !== null && a !== undefined && b !== undefined && String(a) === String(b));

const asList = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : isEmpty(v) ? [] : [v!]);

export function evaluate(
  expr: Expr,
  answers: Record<string, Value | undefined>,
): Value | undefined {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'variable':
      return answers[expr.name];
    case 'array':
      return expr.items.map((i) => evaluate(i, answers) ?? null);
    case 'not':
      return !truthy(evaluate(expr.operand, answers));
    case 'logical': {
      const left = truthy(evaluate(expr.left, answers));
      if (expr.op === 'and') return left && truthy(evaluate(expr.right, answers));
      return left || truthy(evaluate(expr.right, answers));
    }
    case 'unary': {
      const empty = isEmpty(evaluate(expr.operand, answers));
      return expr.op === 'empty' ? empty : !empty;
    }
    case 'binary': {
      const l = evaluate(expr.left, answers);
      const r = evaluate(expr.right, answers);
      switch (expr.op) {
        case '=':
          return isEmpty(l) && isEmpty(r) ? true : same(l, r);
        case '!=':
          return isEmpty(l) && isEmpty(r) ? false : !same(l, r);
        case '<':
        case '<=':
        case '>':
        case '>=': {
          if (isEmpty(l) || isEmpty(r)) return false;
          const [a, b] = [Number(l), Number(r)];
          return expr.op === '<'
            ? a < b
            : expr.op === '<='
              ? a <= b
              : expr.op === '>'
                ? a > b
                : a >= b;
        }
        case 'anyof':
          return asList(l).some((x) => asList(r).some((y) => same(x, y)));
        case 'allof':
          return asList(r).every((y) => asList(l).some((x) => same(x, y)));
        case 'contains':
          return asList(l).some((x) => same(x, r));
        case 'notcontains':
          return !asList(l).some((x) => same(x, r));
      }
    }
  }
}

export function truthy(v: Value | undefined): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}
