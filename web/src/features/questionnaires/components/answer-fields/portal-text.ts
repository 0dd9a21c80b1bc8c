import type { Locale } from '#shared/schemas/questionnaire-locales.js';

/**
 * The few words around the questions, in the supplier's language. Locales without their own texts yet fall
 * back to English (TODO(#9): the remaining locales, with the portal's other texts).
 */
interface PortalText {
  required: string;
  optional: string;
  evidenceRequested: string;
  filesInPortal: string;
  maxLength: (n: number) => string;
  between: (min?: number, max?: number) => string | null;
  noQuestions: string;
}

const EN: PortalText = {
  required: 'Required',
  optional: 'Optional',
  evidenceRequested: 'Please attach evidence.',
  filesInPortal: 'Files are uploaded in the supplier portal.',
  maxLength: (n) => `Up to ${n} characters.`,
  between: (min, max) =>
    min !== undefined && max !== undefined
      ? `Between ${min} and ${max}.`
      : min !== undefined
        ? `At least ${min}.`
        : max !== undefined
          ? `At most ${max}.`
          : null,
  noQuestions: 'No questions to show.',
};

const ES: PortalText = {
  required: 'Obligatoria',
  optional: 'Opcional',
  evidenceRequested: 'Adjunte pruebas, por favor.',
  filesInPortal: 'Los archivos se suben en el portal de proveedores.',
  maxLength: (n) => `Hasta ${n} caracteres.`,
  between: (min, max) =>
    min !== undefined && max !== undefined
      ? `Entre ${min} y ${max}.`
      : min !== undefined
        ? `Al menos ${min}.`
        : max !== undefined
          ? `Como máximo ${max}.`
          : null,
  noQuestions: 'No hay preguntas que mostrar.',
};

export const portalText = (locale: Locale): PortalText => (locale === 'es' ? ES : EN);
