import { z } from 'zod';

/**
 * The languages a questionnaire can be written in. A closed list, because the portal around the questions
 * (buttons, messages, the yes/no answers) must exist in each: add a locale here together with its texts.
 */
export const QUESTIONNAIRE_LOCALES = [
  'en',
  'es',
  'fr',
  'pt',
  'de',
  'it',
  'nl',
  'tr',
  'zh',
  'vi',
  'id',
  'hi',
  'bn',
] as const;
export const LocaleSchema = z.enum(QUESTIONNAIRE_LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** "Yes" and "No" in each locale: the two answers of a `yes_no` question, as the portal and the breakdown show them. */
export const YES_NO_LABELS: Record<Locale, { yes: string; no: string }> = {
  en: { yes: 'Yes', no: 'No' },
  es: { yes: 'Sí', no: 'No' },
  fr: { yes: 'Oui', no: 'Non' },
  pt: { yes: 'Sim', no: 'Não' },
  de: { yes: 'Ja', no: 'Nein' },
  it: { yes: 'Sì', no: 'No' },
  nl: { yes: 'Ja', no: 'Nee' },
  tr: { yes: 'Evet', no: 'Hayır' },
  zh: { yes: '是', no: '否' },
  vi: { yes: 'Có', no: 'Không' },
  id: { yes: 'Ya', no: 'Tidak' },
  hi: { yes: 'हाँ', no: 'नहीं' },
  bn: { yes: 'হ্যাঁ', no: 'না' },
};
