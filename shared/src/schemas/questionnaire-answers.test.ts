import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE } from '../domain/questionnaires/fixtures/sample-template.js';
import { answerValueSchemaFor, isAnswered } from './questionnaire-answers.js';
import type { Question } from './questionnaires.js';

const q = (id: string): Question =>
  SAMPLE_TEMPLATE.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
const ok = (id: string, v: unknown) => answerValueSchemaFor(q(id)).safeParse(v).success;

describe('answerValueSchemaFor', () => {
  it.each([
    ['passports_held', 'yes', true],
    ['passports_held', 'maybe', false],
    ['passports_held', true, false],
    ['agency_fees', 'workers', true],
    ['agency_fees', 'constructor', false],
    ['grievance_channels', ['hotline', 'union'], true],
    ['grievance_channels', [], false],
    ['grievance_channels', ['hotline', 'hotline'], false],
    ['grievance_channels', ['hotline', 'fax'], false],
    ['grievance_channels', ['none'], true],
    ['grievance_channels', ['none', 'box'], false],
    ['agency_count', 3, true],
    ['agency_count', 2.5, false],
    ['agency_count', -1, false],
    ['agency_count', 1001, false],
    ['agency_count', Number.NaN, false],
    ['weekly_hours', 48.5, true],
    ['weekly_hours', '48', false],
    ['grievance_details', 'A hotline run by an NGO', true],
    ['grievance_details', '   ', false],
    ['grievance_details', 'x'.repeat(501), false],
    ['grievance_details', 'bad\u0000byte', false],
    ['last_audit', '2026-02-28', true],
    ['last_audit', '2026-02-30', false],
    ['last_audit', '28/02/2026', false],
    ['policy_file', ['5f2b1a8e-1c1e-4b7a-9d8e-2f1e0c3b4a5d'], true],
    ['policy_file', ['../etc/passwd'], false],
    ['policy_file', [], false],
  ])('%s: %j → %s', (id, value, expected) => {
    expect(ok(id, value)).toBe(expected);
  });

  it('trims text answers, and isAnswered treats an invalid or missing value as unanswered', () => {
    expect(answerValueSchemaFor(q('grievance_details')).parse('  a hotline ')).toBe('a hotline');
    expect(isAnswered(q('passports_held'), undefined)).toBe(false);
    expect(isAnswered(q('passports_held'), 'no')).toBe(true);
    expect(isAnswered(q('agency_count'), 'three')).toBe(false);
  });
});
