import type { LocalizedText, TemplateDefinition } from '../../schemas/questionnaires.js';
import type { TemplateIssue, TemplatePath } from './structure.js';

/** Every text of the template with its path: what a translator has to write for each locale. */
export const templateTexts = (def: TemplateDefinition): { path: TemplatePath; text: LocalizedText }[] => {
  const out: { path: TemplatePath; text: LocalizedText }[] = [{ path: ['title'], text: def.title }];
  if (def.description) out.push({ path: ['description'], text: def.description });
  def.sections.forEach((s, si) => {
    out.push({ path: ['sections', si, 'title'], text: s.title });
    if (s.description) out.push({ path: ['sections', si, 'description'], text: s.description });
    s.questions.forEach((q, qi) => {
      const at = ['sections', si, 'questions', qi];
      out.push({ path: [...at, 'label'], text: q.label });
      if (q.help) out.push({ path: [...at, 'help'], text: q.help });
      if (q.type === 'number' && q.unit) out.push({ path: [...at, 'unit'], text: q.unit });
      if (q.type === 'single_choice' || q.type === 'multi_choice') {
        q.options.forEach((o, oi) => {
          out.push({ path: [...at, 'options', oi, 'label'], text: o.label });
        });
      }
    });
  });
  return out;
};

/** The template's locales are distinct and include the default; every text is in each of them and no other. */
export const checkTranslations = (def: TemplateDefinition, out: TemplateIssue[]) => {
  const locales = new Set(def.locales);
  if (locales.size !== def.locales.length)
    out.push({ path: ['locales'], message: 'Each locale at most once' });
  if (!locales.has(def.defaultLocale)) {
    out.push({
      path: ['defaultLocale'],
      message: `The default locale must be one of the template's locales`,
    });
  }
  for (const { path, text } of templateTexts(def)) {
    for (const locale of def.locales) {
      if (text[locale] === undefined)
        out.push({ path: [...path, locale], message: `Missing the ${locale} text` });
    }
    for (const locale of Object.keys(text)) {
      if (!locales.has(locale as never)) {
        out.push({ path: [...path, locale], message: `"${locale}" is not one of the template's locales` });
      }
    }
  }
};
