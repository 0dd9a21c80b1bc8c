import type { PortalAnswer, PortalQuestionnaire } from '#shared/schemas/portal.js';
import { sampleDefinition } from './template-fixtures.js';

/** A link as the server issues them (43 url-safe characters). */
export const PORTAL_TOKEN = 'tok_9fK2mQx7LwPz3RvB8nYd1HcJ5sTgA4eU6oXiZ0q';
export const PORTAL_API = `/api/portal/${PORTAL_TOKEN}`;

export const portalAnswer = (
  questionId: string,
  value: PortalAnswer['value'],
  revision = 1,
): PortalAnswer => ({
  questionId,
  value,
  revision,
  updatedAt: '2026-11-20T10:00:00.000Z',
});

/** The sample template (every type, a condition) as a supplier's link opens it. */
export const makePortal = (overrides: Partial<PortalQuestionnaire> = {}): PortalQuestionnaire => ({
  organisation: 'Demo Retail Ltd',
  supplierName: 'Anatolia Textiles',
  status: 'sent',
  dueDate: '2099-12-14',
  submittedAt: null,
  message: 'Our annual forced-labour due diligence: please answer for your site.',
  locale: null,
  editable: true,
  definition: sampleDefinition(),
  answers: [],
  reviewComments: {},
  evidence: [],
  progress: { answered: 0, required: 4, percent: 0 },
  ...overrides,
});
