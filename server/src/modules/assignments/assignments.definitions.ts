import { type TemplateDefinition, TemplateDefinitionSchema } from '#shared/schemas/questionnaires.js';
import type { Tx } from '../../db/client.js';
import { findTemplateDefinition } from './assignments.repo.js';

/** Distinct template versions kept parsed per process; the oldest goes first beyond this. */
const MAX_KEPT = 200;

/**
 * The parsed definition of the template version an assignment was sent with. Sent versions are published
 * and frozen (a trigger refuses changes), so a parse is kept for the process's life: the portal's autosave,
 * the assignment list and the review would otherwise re-validate a 59-question definition on every request.
 */
export const createDefinitions = () => {
  const kept = new Map<string, TemplateDefinition>();
  return async (tx: Tx, orgId: string, templateId: string): Promise<TemplateDefinition> => {
    const key = `${orgId}:${templateId}`;
    const hit = kept.get(key);
    if (hit) return hit;
    const def = TemplateDefinitionSchema.parse(await findTemplateDefinition(tx, orgId, templateId));
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, def);
    return def;
  };
};

export type DefinitionOf = ReturnType<typeof createDefinitions>;
