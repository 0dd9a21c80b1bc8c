import { useGoodMatch } from '../../reference/api.js';

/** How many of the listed goods a recognised good matches are named before "and N more". */
const NAMES_SHOWN = 3;

const listed = (names: readonly string[]) =>
  names.length <= NAMES_SHOWN
    ? names.join(', ')
    : `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;

const STATUS_TEXT = {
  listed: 'on the ILAB list for this country',
  not_listed: 'on the ILAB list for other countries only',
} as const;

interface GoodLineProps {
  good: string;
  country: string | null;
  /** Replaces this good's text with a suggestion. */
  onReplace: (good: string, replacement: string) => void;
}

function GoodLine({ good, country, onReplace }: GoodLineProps) {
  const { data, isError } = useGoodMatch(good, country);
  if (isError) return <li className="good-check">“{good}”: could not be checked just now.</li>;
  if (!data) return <li className="good-check good-check-pending">“{good}”: checking…</li>;
  if (data.recognised) {
    const where = data.status === 'listed' || data.status === 'not_listed' ? STATUS_TEXT[data.status] : null;
    return (
      <li className="good-check good-check-ok">
        “{good}”: recognised as {listed(data.matchedGoods)}
        {where ? ` (${where})` : ''}
      </li>
    );
  }
  return (
    <li className="good-check good-check-unknown">
      <span>
        “{good}”: <strong>not recognised</strong>, so it scores as unknown data.
      </span>
      {data.suggestions.length > 0 ? (
        <span className="good-suggestions">
          {' '}
          Did you mean:{' '}
          {data.suggestions.map((s, i) => (
            <span key={s}>
              {i > 0 ? ', ' : null}
              <button
                type="button"
                className="link-button"
                aria-label={`Replace “${good}” with “${s}”`}
                onClick={() => onReplace(good, s)}
              >
                {s}
              </button>
            </span>
          ))}
          ?
        </span>
      ) : (
        <span> No listed good is close: check the spelling, or use the name the ILAB list gives.</span>
      )}
    </li>
  );
}

export interface GoodsRecognitionProps {
  goods: readonly string[];
  country: string | null;
  onChange: (goods: string[]) => void;
}

/**
 * Under the goods box: how each good entered matches the ILAB list, and for one that matches no listed good
 * the closest listed goods, each a button that puts it in place of the text. A polite live region, so that a
 * screen reader hears the verdict after adding a good without leaving the box.
 */
export function GoodsRecognition({ goods, country, onChange }: GoodsRecognitionProps) {
  const replace = (good: string, replacement: string) => {
    const next: string[] = [];
    for (const g of goods) {
      const text = g === good ? replacement : g;
      if (!next.some((n) => n.toLowerCase() === text.toLowerCase())) next.push(text);
    }
    onChange(next);
  };
  return (
    <div className="goods-recognition" aria-live="polite">
      {goods.length > 0 ? (
        <ul className="good-checks" aria-label="How the goods match the ILAB list">
          {goods.map((good) => (
            <GoodLine key={good} good={good} country={country} onReplace={replace} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
