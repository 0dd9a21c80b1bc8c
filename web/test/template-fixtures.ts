import { SAMPLE_TEMPLATE } from '#shared/domain/questionnaires/fixtures/sample-template.js';
import type { TemplateDefinition } from '#shared/schemas/questionnaires.js';
import type { Template, TemplateSummary } from '#shared/schemas/templates.js';

export const TEMPLATE_ID = '99999999-9999-4999-8999-000000000001';
export const DRAFT_TEMPLATE_ID = '99999999-9999-4999-8999-000000000002';

/** A fresh copy of the shared sample template (every type, condition and scoring rule), safe to change. */
export const sampleDefinition = (change?: (def: TemplateDefinition) => void): TemplateDefinition => {
  const def = structuredClone(SAMPLE_TEMPLATE);
  change?.(def);
  return def;
};

export const makeTemplate = (overrides: Partial<Template> = {}): Template => {
  const definition = overrides.definition ?? sampleDefinition();
  return {
    id: TEMPLATE_ID,
    familyId: TEMPLATE_ID,
    name: 'Self-assessment',
    status: 'published',
    version: 1,
    basedOnId: null,
    title: definition.title.en ?? '',
    locales: definition.locales,
    sectionCount: definition.sections.length,
    questionCount: definition.sections.reduce((n, s) => n + s.questions.length, 0),
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-11T09:00:00.000Z',
    publishedAt: '2026-01-11T09:00:00.000Z',
    revision: 1,
    definition,
    issues: [],
    ...overrides,
  };
};

export const makeDraftTemplate = (overrides: Partial<Template> = {}): Template =>
  makeTemplate({
    id: DRAFT_TEMPLATE_ID,
    name: 'Self-assessment 2027',
    status: 'draft',
    version: null,
    basedOnId: TEMPLATE_ID,
    publishedAt: null,
    revision: 3,
    ...overrides,
  });

export const summaryOf = (t: Template): TemplateSummary => {
  const { definition: _d, issues: _i, ...summary } = t;
  return summary;
};
