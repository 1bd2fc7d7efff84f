import { useState } from 'react';
import { k } from './strings';

const ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбюё', '1234567890'];
const PUNCT = [',', '.', '-', '?', '!'];

/** A Russian ЙЦУКЕН keyboard for touchscreens. */
export function OnScreenKeyboard({ onKey }: { onKey(key: string): void }) {
  const [upper, setUpper] = useState(false);
  const key = (ch: string) => (upper ? ch.toUpperCase() : ch);
  return (
    <div className="kiosk-keyboard" role="group" aria-label={k('keyboard')}>
      {ROWS.map((row) => (
        <div className="keys" key={row}>
          {[...row].map((ch) => (
            <button type="button" key={ch} onClick={() => onKey(key(ch))}>
              {key(ch)}
            </button>
          ))}
        </div>
      ))}
      <div className="keys">
        <button
          type="button"
          aria-pressed={upper}
          aria-label={k('capitals')}
          onClick={() => setUpper(!upper)}
        >
          ⇧
        </button>
        {PUNCT.map((ch) => (
          <button type="button" key={ch} onClick={() => onKey(ch)}>
            {ch}
          </button>
        ))}
        <button type="button" className="wide" onClick={() => onKey(' ')} aria-label={k('space')}>
          ␣
        </button>
        <button type="button" onClick={() => onKey('backspace')} aria-label={k('erase')}>
          ⌫
        </button>
      </div>
    </div>
  );
}
