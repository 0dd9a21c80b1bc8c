import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { METHODOLOGY_MARKDOWN } from '#shared/domain/scoring/methodology.js';
import { Markdown, parseMarkdown } from './markdown.js';

describe('Markdown', () => {
  it('reads headings, lists, tables and wrapped paragraphs', () => {
    const blocks = parseMarkdown(
      '# Title\n\nOne line\nwrapped.\n\n- a\n  continued\n- b\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'table']);
    expect(blocks[1]).toMatchObject({ text: 'One line wrapped.' });
    expect(blocks[2]).toMatchObject({ items: [{ text: 'a continued' }, { text: 'b' }] });
  });

  it('renders the methodology as elements, headings shifted under the page', () => {
    render(<Markdown text={METHODOLOGY_MARKDOWN} headingOffset={2} />);
    expect(
      screen.getByRole('heading', { level: 3, name: 'How Clearsource scores forced-labour risk' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: '5. Rating bands' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Tier 2 Watch List' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'https://www.walkfree.org/global-slavery-index/' })).toBeTruthy();
    expect(document.querySelector('script, [dangerouslySetInnerHTML]')).toBeNull();
  });
});
