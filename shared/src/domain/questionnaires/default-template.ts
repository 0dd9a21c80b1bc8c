import type { TemplateDefinition } from '../../schemas/questionnaires.js';
import { t } from './default-template/build.js';
import { FREEDOM_SECTION, WAGES_SECTION } from './default-template/freedom-wages.js';
import { GRIEVANCE_SECTION, SUPPLY_CHAIN_SECTION } from './default-template/grievance-supply-chain.js';
import { AGE_SECTION, HOURS_SECTION, HOUSING_SECTION } from './default-template/hours-housing-age.js';
import {
  AGENCIES_SECTION,
  POLICY_SECTION,
  RECRUITMENT_SECTION,
} from './default-template/policy-recruitment.js';

/**
 * The questionnaire every organisation starts from: a forced labour and human trafficking self-assessment,
 * written for Clearsource, in English and Spanish. Its scored questions evidence every criterion of
 * DEFAULT_POLICY (the 11 ILO indicators and the governance controls) and its red-flag answers raise the
 * policy's red flags; a test holds it to both. Organisations copy it into a draft to change it.
 */
export const DEFAULT_TEMPLATE: TemplateDefinition = {
  schemaVersion: 1,
  locales: ['en', 'es'],
  defaultLocale: 'en',
  title: t(
    'Forced labour and human trafficking self-assessment',
    'Autoevaluación sobre trabajo forzoso y trata de personas',
  ),
  description: t(
    'Questions about how your site recruits, pays and treats its workers. Answer for the site named in the request. Where evidence is asked for, attach it: answers backed by evidence count for more. Your answers are saved as you go.',
    'Preguntas sobre cómo sus instalaciones contratan, pagan y tratan a sus trabajadores. Responda por las instalaciones indicadas en la solicitud. Cuando se pidan pruebas, adjúntelas: las respuestas respaldadas por pruebas cuentan más. Sus respuestas se guardan a medida que avanza.',
  ),
  sections: [
    POLICY_SECTION,
    RECRUITMENT_SECTION,
    AGENCIES_SECTION,
    FREEDOM_SECTION,
    WAGES_SECTION,
    HOURS_SECTION,
    HOUSING_SECTION,
    AGE_SECTION,
    GRIEVANCE_SECTION,
    SUPPLY_CHAIN_SECTION,
  ],
};
