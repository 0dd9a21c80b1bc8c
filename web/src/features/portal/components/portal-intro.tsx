import type { ReactNode } from 'react';
import { textIn } from '#shared/domain/questionnaires/questions.js';
import type { PortalQuestionnaire } from '#shared/schemas/portal.js';
import type { Locale } from '#shared/schemas/questionnaires.js';
import { formatDay, localeName } from '../lib/portal-format.js';
import { portalWords } from '../lib/portal-words.js';

interface Props {
  data: PortalQuestionnaire;
  /** What matters most now (submitted, returned with comments): right under the title, before the message. */
  notice?: ReactNode;
  locale: Locale;
  onLocale: (locale: Locale) => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Who asks, for whom, by when, and why: the first thing a supplier reads. */
export function PortalIntro({ data, locale, onLocale, notice }: Props) {
  const def = data.definition;
  const w = portalWords(locale);
  const overdue = data.editable && data.dueDate < today();
  return (
    <header className="portal-intro">
      <div className="portal-intro-top">
        <p className="portal-from">
          {w.questionnaireFrom} <strong>{data.organisation}</strong>
        </p>
        {def.locales.length > 1 ? (
          <div className="portal-language">
            <label htmlFor="portal-language">{w.language}</label>
            <select
              id="portal-language"
              className="input select portal-language-select"
              value={locale}
              onChange={(e) => onLocale(e.target.value as Locale)}
            >
              {def.locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {localeName(l)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <h1 className="portal-title" lang={locale}>
        {textIn(def.title, locale, def)}
      </h1>
      <dl className="portal-facts">
        <div>
          <dt>{w.for}</dt>
          <dd>{data.supplierName}</dd>
        </div>
        <div>
          <dt>{w.due}</dt>
          <dd className={overdue ? 'portal-overdue' : undefined}>
            {formatDay(data.dueDate, locale)}
            {overdue ? ` ${w.overdue}` : ''}
          </dd>
        </div>
      </dl>
      {notice}
      {data.message ? (
        <figure className="portal-message">
          <figcaption>{w.messageFrom(data.organisation)}</figcaption>
          <blockquote>{data.message}</blockquote>
        </figure>
      ) : null}
      {def.description ? (
        <p className="portal-description" lang={locale}>
          {textIn(def.description, locale, def)}
        </p>
      ) : null}
    </header>
  );
}
