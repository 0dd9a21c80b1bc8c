import { describe, expect, it } from 'vitest';
import { EmailSchema, memberOf, requiredText, safeString, text, unsafeTextReason } from './common.js';

describe('unsafeTextReason', () => {
  it.each([
    ['plain text', 'Dhaka Knitwear Ltd'],
    ['accents and scripts', 'Đông Á — 東亞 — Ümit'],
    ['a character outside the BMP (a surrogate pair)', 'Cotton 🧵 Ltd'],
    ['tab and line feed', 'a\tb\nc'],
    ['the empty string', ''],
  ])('accepts %s', (_, value) => {
    expect(unsafeTextReason(value)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b', /control character \(U\+0000\) at position 2/],
    ['BEL', '\u0007', /U\+0007/],
    ['vertical tab', 'a\u000bb', /U\+000B/],
    ['escape', '\u001b[31m', /U\+001B/],
    ['DEL', 'a\u007f', /U\+007F/],
    ['a C1 control', 'a\u0085b', /U\+0085/],
    ['carriage return in single-line text', 'a\r\nb', /U\+000D/],
    ['a lone high surrogate', '\ud800x', /unpaired surrogate U\+D800\) at position 1/],
    ['a lone low surrogate', 'x\udfff', /unpaired surrogate U\+DFFF\) at position 2/],
    ['a high surrogate at the end', 'abc\udbff', /unpaired surrogate U\+DBFF/],
    ['two high surrogates', '\ud83d\ud83d\udc4d', /unpaired surrogate U\+D83D\) at position 1/],
  ])('refuses %s', (_, value, message) => {
    expect(unsafeTextReason(value)).toMatch(message);
  });

  it('allows carriage returns in multi-line text only', () => {
    expect(unsafeTextReason('line 1\r\nline 2', { multiline: true })).toBeUndefined();
    expect(unsafeTextReason('a\u0000\r\n', { multiline: true })).toMatch(/U\+0000/);
  });
});

describe('text schemas', () => {
  const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    r.error?.issues.map((i) => i.message) ?? [];

  it('trim, bound and refuse unsafe characters with a message naming the character', () => {
    expect(text(10).parse('  ok  ')).toBe('ok');
    expect(issues(text(10).safeParse('a\u0000b'))).toEqual([
      'Contains a control character (U+0000) at position 2: remove it',
    ]);
    expect(issues(requiredText(10, 'Name').safeParse('\ud800x'))[0]).toMatch(/unpaired surrogate/);
    expect(issues(requiredText(10, 'Name').safeParse('   '))).toEqual(['Name is required']);
    expect(issues(text(3).safeParse('abcd'))).toEqual(['Must be at most 3 characters']);
    expect(text(10, { multiline: true }).parse('a\r\nb')).toBe('a\r\nb');
  });

  it('safeString keeps spaces (passwords) and refuses control characters', () => {
    expect(safeString().parse(' pass word ')).toBe(' pass word ');
    expect(safeString().safeParse('pass\u0000word').success).toBe(false);
  });

  it('EmailSchema refuses a NUL with the safe-text message', () => {
    expect(issues(EmailSchema.safeParse('a\u0000@example.com'))[0]).toMatch(/control character/);
    expect(EmailSchema.parse(' Ada@Example.COM ')).toBe('ada@example.com');
  });
});

describe('memberOf', () => {
  const isWarm = memberOf(['summer', 'spring'] as const);
  it.each([
    ['summer', true],
    ['spring', true],
    ['winter', false],
    ['', false],
    ['Summer', false],
  ])('%j → %s', (value, expected) => {
    expect(isWarm(value)).toBe(expected);
  });

  it('narrows the type', () => {
    const season: string = 'summer';
    if (isWarm(season)) {
      const warm: 'summer' | 'spring' = season;
      expect(warm).toBe('summer');
    }
  });
});
