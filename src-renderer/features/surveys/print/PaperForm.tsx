import type { Question, SurveyDefinition } from '../../../../src-shared/surveys/definition';
import { questionsOf } from '../../../../src-shared/surveys/model';
import { questionNumbers } from '../../../../src-shared/surveys/logic';
import { optionsOf, type ServiceChoice } from '../../../../src-shared/surveys/options';
import './paper.css';
import { QrCode } from '../../../app/QrCode';

function Body({ q, services }: { q: Question; services: readonly ServiceChoice[] }) {
  switch (q.type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown': {
      const options = optionsOf(q, services);
      if (options.length === 0) return <div className="paper-lines" aria-hidden />;
      return (
        <ol className="paper-options">
          {options.map((o) => (
            <li key={o.value}>
              <span className="paper-box" aria-hidden />
              {o.text}
              {o.paperNote && <b className="paper-note"> {o.paperNote}</b>}
            </li>
          ))}
        </ol>
      );
    }
    case 'rating':
      return (
        <ol className="paper-options">
          {q.rateValues.map((r) => (
            <li key={r.value}>
              <span className="paper-box" aria-hidden />
              {r.text}
            </li>
          ))}
        </ol>
      );
    case 'matrix':
      return (
        <table className="paper-matrix">
          <thead>
            <tr>
              <th />
              {q.columns.map((c) => (
                <th key={c.value} scope="col">
                  {c.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => (
              <tr key={r.value}>
                <th scope="row">{r.text}</th>
                {q.columns.map((c) => (
                  <td key={c.value}>{c.text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'comment':
      return <div className="paper-lines" aria-hidden />;
  }
}

/**
 * The blank paper form: the same definition, numbering and words as the kiosk, every question
 * shown (paper cannot hide), the jump notes printed beside their options, boxes to tick and
 * lines to write on. A4 portrait; questions never split across pages.
 */
export function PaperForm({
  definition,
  services,
  online = null,
}: {
  definition: SurveyDefinition;
  services: readonly ServiceChoice[];
  /** Where the same questionnaire can be answered online (issue 18): a QR code in the corner. */
  online?: string | null;
}) {
  const numbers = questionNumbers(definition);
  return (
    <article className="paper-form">
      {online && (
        <aside className="paper-online" data-testid="paper-online">
          <QrCode value={online} size={96} label={`QR-код: ${online}`} />
          <p>
            Эту анкету можно заполнить и на сайте:
            <br />
            <span className="paper-online-url">{online}</span>
          </p>
        </aside>
      )}
      <h1>{definition.title}</h1>
      {definition.description && <p className="paper-intro">{definition.description}</p>}
      {questionsOf(definition).map((q) => (
        <section key={q.name} className="paper-question" data-question={q.name}>
          <h2>
            {numbers.has(q.name) ? `${numbers.get(q.name)}. ` : ''}
            {q.title}
          </h2>
          {q.description && <p>{q.description}</p>}
          <Body q={q} services={services} />
        </section>
      ))}
    </article>
  );
}
