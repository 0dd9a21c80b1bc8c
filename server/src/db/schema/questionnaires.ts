import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './orgs.js';
import { revisionColumn } from './revision.js';
import { users } from './users.js';

/**
 * Questionnaire template versions (tenant-owned). One row per version of a template family: at most one
 * draft per family is edited; publishing numbers it within the family and retires the version it replaces.
 * A published or retired row is never changed again (assignments point at it).
 */
export const questionnaireTemplates = pgTable(
  'questionnaire_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** The id of the family's first version: every version of one template shares it. */
    familyId: uuid('family_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'published', 'retired'] })
      .notNull()
      .default('draft'),
    version: integer('version'),
    basedOnId: uuid('based_on_id'),
    /** A TemplateDefinition (shared/src/schemas/questionnaires.ts): `unknown` until the repo parses it. */
    definition: jsonb('definition').$type<unknown>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    revision: revisionColumn(),
  },
  (t) => [
    // What assignments point at with (template_id, org_id): never another organisation's template.
    unique('questionnaire_templates_id_org_uq').on(t.id, t.orgId),
    unique('questionnaire_templates_family_version_uq').on(t.orgId, t.familyId, t.version),
    uniqueIndex('questionnaire_templates_one_draft_uq')
      .on(t.orgId, t.familyId)
      .where(sql`${t.status} = 'draft'`),
    index('questionnaire_templates_org_idx').on(t.orgId, t.status, t.updatedAt),
  ],
);
