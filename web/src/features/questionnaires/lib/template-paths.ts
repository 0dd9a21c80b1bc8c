// Issue paths from the server ("definition.sections.0.questions.3.scoring.criterion") in words, and the
// element of the builder that edits them, so every issue can be read and followed to its field.

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  label: 'label',
  help: 'help text',
  unit: 'unit',
  options: 'options',
  scoring: 'scoring',
  criterion: 'criterion',
  maxPoints: 'maximum points',
  points: 'points',
  redFlags: 'red flags',
  redFlag: 'red flag',
  bands: 'bands',
  from: 'from',
  showIf: 'condition',
  questionId: 'question',
  values: 'options',
  value: 'value',
  maxLength: 'maximum length',
  maxFiles: 'maximum files',
  min: 'minimum',
  max: 'maximum',
  locales: 'languages',
  defaultLocale: 'default language',
  sections: 'sections',
  questions: 'questions',
  name: 'name',
  id: 'id',
};

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, key: string | number): unknown =>
  Array.isArray(v) ? v[Number(key)] : isRecord(v) ? v[key] : undefined;

/** The path's parts, without the request's leading "definition" (the builder edits the definition). */
export const splitIssuePath = (path: string): string[] => {
  const parts = path.split('.').filter(Boolean);
  return parts[0] === 'definition' ? parts.slice(1) : parts;
};

/** Where an issue sits, in words: "Section 2, question 4 (uses_agencies): scoring, criterion". */
export function describeIssuePath(path: string, definition?: unknown): string {
  const parts = splitIssuePath(path);
  const words: string[] = [];
  let node: unknown = definition;
  let i = 0;
  while (i < parts.length) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    if (
      (part === 'sections' || part === 'questions' || part === 'options' || part === 'bands') &&
      next !== undefined &&
      /^\d+$/.test(next)
    ) {
      node = at(at(node, part), next);
      const id = isRecord(node) && typeof node.id === 'string' ? ` (${node.id})` : '';
      const noun = { sections: 'Section', questions: 'question', options: 'option', bands: 'band' }[part];
      words.push(`${noun} ${Number(next) + 1}${id}`);
      i += 2;
      continue;
    }
    node = at(node, part);
    words.push(FIELD_WORDS[part] ?? part);
    i += 1;
  }
  const text = words.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'The template';
}

/** The builder's element ids, one per section and question, that issue links point to. */
export const sectionAnchor = (si: number) => `tpl-section-${si}`;
export const questionAnchor = (si: number, qi: number) => `tpl-question-${si}-${qi}`;

/** The section and question an issue path points into, if any. */
export function issueTarget(path: string): { section?: number; question?: number } {
  const parts = splitIssuePath(path);
  if (parts[0] !== 'sections' || parts[1] === undefined) return {};
  const section = Number(parts[1]);
  if (parts[2] !== 'questions' || parts[3] === undefined) return { section };
  return { section, question: Number(parts[3]) };
}
