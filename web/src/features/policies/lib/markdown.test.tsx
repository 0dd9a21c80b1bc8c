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
  });

  it('shows HTML in the text as text: no element, attribute or script link comes from it', () => {
    const html = '<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>';
    const { container } = render(
      <Markdown
        text={`# <i>Title</i>\n\n${html}\n\n- <a href="javascript:alert(3)">x</a>\n\n| <u>A</u> |\n| --- |\n| <s>1</s> |\n`}
      />,
    );
    expect(container.querySelectorAll('script, img, b, i, u, s, [onerror]')).toHaveLength(0);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<i>Title</i>');
    expect(container.textContent).toContain(html);
    expect(screen.getByRole('listitem').textContent).toBe('<a href="javascript:alert(3)">x</a>');
    expect(screen.getByRole('cell').textContent).toBe('<s>1</s>');
  });

  it('links only http and https addresses', () => {
    const { container } = render(<Markdown text="See javascript:alert(1) and https://example.org/a." />);
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
    ]);
  });
});
