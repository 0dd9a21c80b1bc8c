import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from './fixtures/sample-template.js';
import { findQuestion, optionLabel, textIn } from './questions.js';

describe('question helpers', () => {
  it('findQuestion finds by id across sections, and nothing for an unknown or inherited name', () => {
    expect(findQuestion(SAMPLE_TEMPLATE, 'weekly_hours')?.type).toBe('number');
    expect(findQuestion(SAMPLE_TEMPLATE, 'nope')).toBeUndefined();
    expect(findQuestion(SAMPLE_TEMPLATE, 'constructor')).toBeUndefined();
  });

  it('textIn falls back to the default locale, then to any text', () => {
    expect(textIn({ en: 'Yes', es: 'Sí' }, 'es', SAMPLE_TEMPLATE)).toBe('Sí');
    expect(textIn({ en: 'Yes', es: 'Sí' }, 'fr', SAMPLE_TEMPLATE)).toBe('Yes');
    expect(textIn({ es: 'Sí' }, 'fr', SAMPLE_TEMPLATE)).toBe('Sí');
    expect(textIn({ en: 'Yes' }, 'toString', SAMPLE_TEMPLATE)).toBe('Yes');
  });

  it('optionLabel gives yes/no and option texts per locale', () => {
    const passports = findQuestion(SAMPLE_TEMPLATE, 'passports_held')!;
    const fees = findQuestion(SAMPLE_TEMPLATE, 'agency_fees')!;
    expect(optionLabel(passports, 'yes', 'es')).toBe('Sí');
    expect(optionLabel(passports, 'no', 'en')).toBe('No');
    expect(optionLabel(fees, 'workers', 'es')).toBe('Los trabajadores');
    expect(optionLabel(fees, 'gone', 'en')).toBe('gone');
  });
});
