import type { ReactNode } from 'react';
import { TableScroll } from '../../../components/ui/table.js';

// A small Markdown reader for text we write ourselves (the methodology): headings, paragraphs, lists,
// tables, fenced code, **bold**, *italic*, `code` and bare links. It builds React elements, so nothing is
// ever injected as HTML and the content security policy needs no exception.

/** A piece of text with a key that stays the same between renders (the text never reorders). */
interface Keyed {
  key: string;
  text: string;
}

type Block =
  | { id: number; type: 'heading'; level: number; text: string }
  | { id: number; type: 'paragraph'; text: string }
  | { id: number; type: 'list'; ordered: boolean; items: Keyed[] }
  | { id: number; type: 'table'; head: Keyed[]; rows: { key: string; cells: Keyed[] }[] }
  | { id: number; type: 'code'; text: string };

const keyed = (prefix: string, texts: readonly string[]): Keyed[] =>
  texts.map((text, i) => ({ key: `${prefix}.${i}`, text }));

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const FENCE = /^\s*```/;
const TABLE_ROW = /^\s*\|/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

const startsBlock = (line: string) =>
  HEADING.test(line) || BULLET.test(line) || NUMBERED.test(line) || FENCE.test(line) || TABLE_ROW.test(line);

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const next = () => blocks.length;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ id: next(), type: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] ?? '')) code.push(lines[i++] ?? '');
      i++;
      blocks.push({ id: next(), type: 'code', text: code.join('\n') });
      continue;
    }
    if (TABLE_ROW.test(line)) {
      const rows: string[][] = [];
      let head: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i] ?? '')) {
        const row = lines[i++] ?? '';
        if (TABLE_RULE.test(row)) continue;
        if (head.length === 0 && rows.length === 0) head = cells(row);
        else rows.push(cells(row));
      }
      const id = next();
      blocks.push({
        id,
        type: 'table',
        head: keyed(`${id}.h`, head),
        rows: rows.map((row, r) => ({ key: `${id}.${r}`, cells: keyed(`${id}.${r}`, row) })),
      });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = marker.exec(current);
        if (item) items.push(item[1]!.trim());
        // An indented line continues the item above it.
        else if (/^\s+\S/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        i++;
      }
      const id = next();
      blocks.push({ id, type: 'list', ordered, items: keyed(String(id), items) });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !startsBlock(lines[i] ?? '')) {
      text.push((lines[i++] ?? '').trim());
    }
    blocks.push({ id: next(), type: 'paragraph', text: text.join(' ') });
  }
  return blocks;
}

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|https?:\/\/[^\s<>()]+[^\s<>().,;:])/g;

/** Bold, italic, code and bare links within one line of text. */
export function renderInline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    const token = match[0];
    const start = match.index ?? 0;
    if (start > last) nodes.push(text.slice(last, start));
    const key = `i${n++}`;
    if (token.startsWith('**')) nodes.push(<strong key={key}>{renderInline(token.slice(2, -2))}</strong>);
    else if (token.startsWith('*')) nodes.push(<em key={key}>{renderInline(token.slice(1, -1))}</em>);
    else if (token.startsWith('`')) {
      nodes.push(
        <code key={key} className="code-inline">
          {token.slice(1, -1)}
        </code>,
      );
    } else {
      nodes.push(
        <a key={key} href={token} target="_blank" rel="noreferrer noopener">
          {token}
        </a>,
      );
    }
    last = start + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

export interface MarkdownProps {
  text: string;
  /** Added to each heading level, so the text's "#" fits under the page's own headings. */
  headingOffset?: number;
}

function BlockView({ block, headingOffset }: { block: Block; headingOffset: number }) {
  switch (block.type) {
    case 'heading': {
      const Tag = HEADINGS[Math.min(5, block.level - 1 + headingOffset)] ?? 'h6';
      return <Tag>{renderInline(block.text)}</Tag>;
    }
    case 'paragraph':
      return <p>{renderInline(block.text)}</p>;
    case 'code':
      return (
        <pre className="markdown-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item) => (
            <li key={item.key}>{renderInline(item.text)}</li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <TableScroll
          label={`Table: ${block.head.map((cell) => cell.text).join(', ')}`}
          className="markdown-table"
        >
          <table className="table table-compact">
            <thead>
              <tr>
                {block.head.map((cell) => (
                  <th key={cell.key} scope="col">
                    {renderInline(cell.text)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell) => (
                    <td key={cell.key}>{renderInline(cell.text)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
  }
}

export function Markdown({ text, headingOffset = 0 }: MarkdownProps) {
  return (
    <div className="markdown">
      {parseMarkdown(text).map((block) => (
        <BlockView key={block.id} block={block} headingOffset={headingOffset} />
      ))}
    </div>
  );
}
