import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';

describe('toCsv', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
  ])('writes %j as %s', (input, cell) => {
    expect(toCsv([[input]])).toBe(`${cell}\r\n`);
  });

  it('writes numbers as numbers (negative ones too), and empty cells for null', () => {
    expect(
      toCsv([
        ['band', 'amount', 'score'],
        ['low', -12.5, null],
      ]),
    ).toBe('band,amount,score\r\nlow,-12.5,\r\n');
  });

  it('neutralises the cells a spreadsheet would run', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('Cotton')).toBe('Cotton');
  });
});
