import type { TasksQuery } from '#shared/schemas/tasks.js';
import { Button } from '../../../components/ui/button.js';
import { formatInteger, formatWeek } from '../../../lib/format.js';
import type { SearchChanges } from '../../../lib/use-search-state.js';
import { useTasks } from '../api.js';
import { boardFiltersOf } from './board-filters.js';

const WEEKS = [
  { key: 'openedWeek', verb: 'Opened' },
  { key: 'closedWeek', verb: 'Closed' },
] as const;

/**
 * The burn-down week a board was opened with (a bar of the dashboard's chart): said in words with how many
 * tasks match, so a short board is understood, and removable. The count is the whole board's (every column),
 * the figure of the bar that was clicked.
 */
export function BoardWeekNote({
  query,
  onChange,
}: {
  query: TasksQuery;
  onChange: (changes: SearchChanges) => void;
}) {
  const active = WEEKS.filter((w) => query[w.key] !== undefined);
  const filters = boardFiltersOf(query);
  const count = useTasks({ ...filters, limit: 1, offset: 0 }, active.length > 0);
  if (active.length === 0) return null;
  const total = count.data?.total;
  return (
    <p className="board-scope board-week">
      <span>
        {active.map((w, i) => (
          <span key={w.key}>
            {i === 0 ? w.verb : ` and ${w.verb.toLowerCase()}`} in the week of{' '}
            <strong>
              <time dateTime={query[w.key]}>{formatWeek(query[w.key] as string, { year: true })}</time>
            </strong>
          </span>
        ))}
        {total === undefined ? null : `: ${formatInteger(total)} ${total === 1 ? 'task' : 'tasks'}`}
      </span>
      {active.map((w) => (
        <Button key={w.key} size="sm" variant="ghost" onClick={() => onChange({ [w.key]: undefined })}>
          {active.length === 1 ? 'Remove week filter' : `Remove ${w.verb.toLowerCase()} week`}
        </Button>
      ))}
    </p>
  );
}
