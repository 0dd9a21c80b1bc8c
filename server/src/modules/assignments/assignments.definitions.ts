import { LRUCache } from 'lru-cache';
import { type TemplateDefinition, TemplateDefinitionSchema } from '#shared/schemas/questionnaires.js';
import type { Tx } from '../../db/client.js';
import { findTemplateDefinition } from './assignments.repo.js';

/**
 * The parsed definition of the template version an assignment was sent with. Sent versions are published
 * and frozen (a trigger refuses changes), so a parse is kept for the process's life: the portal's autosave,
 * the assignment list and the review would otherwise re-validate a 59-question definition on every request.
 * The 200 versions used last are kept.
 */
export const createDefinitions = () => {
  const kept = new LRUCache<string, TemplateDefinition>({ max: 200 });
  const keyOf = (orgId: string, templateId: string) => `${orgId}:${templateId}`;
  const definitionOf = async (tx: Tx, orgId: string, templateId: string): Promise<TemplateDefinition> => {
    const hit = kept.get(keyOf(orgId, templateId));
    if (hit) return hit;
    const def = TemplateDefinitionSchema.parse(await findTemplateDefinition(tx, orgId, templateId));
    kept.set(keyOf(orgId, templateId), def);
    return def;
  };
  /** The definition if it is kept, without a transaction (the autosave needs none to validate an answer). */
  const keptDefinition = (orgId: string, templateId: string) => kept.get(keyOf(orgId, templateId));
  return Object.assign(definitionOf, { kept: keptDefinition });
};

export type DefinitionOf = ReturnType<typeof createDefinitions>;
