import { useState } from 'react';

const ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбюё', '1234567890'];
const PUNCT = [',', '.', '-', '?', '!'];

/** A Russian ЙЦУКЕН keyboard for touchscreens. */
export function OnScreenKeyboard({ onKey }: { onKey(key: string): void }) {
  const [upper, setUpper] = useState(false);
  const key = (k: string) => (upper ? k.toUpperCase() : k);
  return (
    <div className="kiosk-keyboard" role="group" aria-label="Экранная клавиатура">
      {ROWS.map((row) => (
        <div className="keys" key={row}>
          {[...row].map((k) => (
            <button type="button" key={k} onClick={() => onKey(key(k))}>
              {key(k)}
            </button>
          ))}
        </div>
      ))}
      <div className="keys">
        <button
          type="button"
          aria-pressed={upper}
          aria-label="Заглавные буквы"
          onClick={() => setUpper(!upper)}
        >
          ⇧
        </button>
        {PUNCT.map((k) => (
          <button type="button" key={k} onClick={() => onKey(k)}>
            {k}
          </button>
        ))}
        <button type="button" className="wide" onClick={() => onKey(' ')} aria-label="Пробел">
          ␣
        </button>
        <button type="button" onClick={() => onKey('backspace')} aria-label="Стереть">
          ⌫
        </button>
      </div>
    </div>
  );
}
