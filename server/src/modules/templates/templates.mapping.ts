import type { TemplatePath } from '#shared/domain/questionnaires/structure.js';
import type { Template, TemplateSummary } from '#shared/schemas/templates.js';
import type { TemplateRow } from './templates.repo.js';

export const toTemplateSummary = (r: TemplateRow): TemplateSummary => {
  const def = r.definition;
  return {
    id: r.id,
    familyId: r.familyId,
    name: r.name,
    status: r.status,
    version: r.version,
    basedOnId: r.basedOnId,
    title: def.title[def.defaultLocale] ?? '',
    locales: def.locales,
    sectionCount: def.sections.length,
    questionCount: def.sections.reduce((n, s) => n + s.questions.length, 0),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    revision: r.revision,
  };
};

/** `definition.sections.0.questions.3.scoring.criterion`: how a form names the field at fault. */
export const issuePath = (path: TemplatePath) => ['definition', ...path].join('.');

export const toTemplate = (r: TemplateRow, issues: { path: TemplatePath; message: string }[]): Template => ({
  ...toTemplateSummary(r),
  definition: r.definition,
  issues: issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
});
