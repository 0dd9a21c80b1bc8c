import type { Locale } from '#shared/schemas/questionnaire-locales.js';

/**
 * The portal's own words around the questions, in the supplier's chosen language (the questions come in it
 * from the template). English and Spanish so far, like the answer fields' texts (answer-fields/portal-text.ts);
 * other locales fall back to English. Messages from the server (why a file was refused, an expired link)
 * stay as the server words them. TODO(#9): the remaining locales.
 */
export interface PortalWords {
  questionnaireFrom: string;
  language: string;
  for: string;
  due: string;
  overdue: string;
  messageFrom: (organisation: string) => string;
  requiredAnswered: (answered: number, required: number) => string;
  meterLabel: string;
  overall: { saving: string; saved: string; failed: string; conflict: string };
  saving: string;
  saved: string;
  notSaved: (reason: string) => string;
  retry: string;
  conflictTitle: string;
  yourAnswer: string;
  savedElsewhere: string;
  cleared: string;
  keepMine: string;
  takeTheirs: string;
  noAnswer: string;
  aFile: string;
  attachedFiles: string;
  remove: string;
  attachEvidence: string;
  fileTypes: string;
  uploading: (name: string) => string;
  notUploaded: (name: string) => string;
  returned: (organisation: string, count: number) => string;
  returnedHelp: (count: number) => string;
  commentFrom: (organisation: string) => string;
  sendTitle: string;
  sendHelp: (organisation: string) => string;
  notSavedYet: (count: number) => string;
  missing: (count: number) => string;
  submit: string;
  needsAnswer: string;
  submittedOn: (when: string | null) => string;
  submittedHelp: (organisation: string) => string;
  acceptedTitle: (organisation: string) => string;
  acceptedHelp: string;
  languageNotSaved: string;
}

const EN: PortalWords = {
  questionnaireFrom: 'Questionnaire from',
  language: 'Language',
  for: 'For',
  due: 'Due',
  overdue: '(overdue: please answer as soon as you can)',
  messageFrom: (o) => `Message from ${o}`,
  requiredAnswered: (a, r) => `of required questions answered (${a} of ${r})`,
  meterLabel: 'Required questions answered',
  overall: {
    saving: 'Saving…',
    saved: 'All changes saved',
    failed: 'Some answers are not saved',
    conflict: 'An answer needs your choice',
  },
  saving: 'Saving…',
  saved: 'Saved',
  notSaved: (reason) => `Not saved — ${reason}`,
  retry: 'Retry',
  conflictTitle: 'This answer was changed in another window',
  yourAnswer: 'Your answer here',
  savedElsewhere: 'Saved elsewhere',
  cleared: 'The answer was cleared',
  keepMine: 'Keep my answer',
  takeTheirs: 'Use the other answer',
  noAnswer: 'No answer',
  aFile: 'a file',
  attachedFiles: 'Attached files',
  remove: 'Remove',
  attachEvidence: 'Attach evidence',
  fileTypes: 'PDF, photo, Word, Excel, text or CSV.',
  uploading: (n) => `Uploading ${n}…`,
  notUploaded: (n) => `${n} was not uploaded.`,
  returned: (o, n) => `${o} returned your answers with ${n === 1 ? 'a comment' : `${n} comments`}`,
  returnedHelp: (n) => `Please look at ${n === 1 ? 'it' : 'each'}, change what is needed, and submit again.`,
  commentFrom: (o) => `Comment from ${o}`,
  sendTitle: 'Send your answers',
  sendHelp: (o) =>
    `Your answers are saved as you go. When you submit, ${o} is told they are ready for review; you can no longer change them unless ${o} returns them to you.`,
  notSavedYet: (n) =>
    `${n === 1 ? 'One answer is' : `${n} answers are`} not saved yet: fix or retry ${n === 1 ? 'it' : 'them'} first.`,
  missing: (n) => `${n === 1 ? 'One required question is' : `${n} required questions are`} not answered yet`,
  submit: 'Submit answers',
  needsAnswer: 'This question needs an answer',
  submittedOn: (when) => `Submitted${when ? ` on ${when}` : ''} — thank you`,
  submittedHelp: (o) =>
    `${o} will review your answers. If they need anything more, they will return the questionnaire to you and this link will let you change your answers again. Your answers are shown below, read-only.`,
  acceptedTitle: (o) => `${o} has accepted your answers — thank you`,
  acceptedHelp: 'Nothing more is needed. Your answers are shown below for your records.',
  languageNotSaved: 'The language could not be saved:',
};

const ES: PortalWords = {
  questionnaireFrom: 'Cuestionario de',
  language: 'Idioma',
  for: 'Para',
  due: 'Fecha límite',
  overdue: '(vencido: responda lo antes posible)',
  messageFrom: (o) => `Mensaje de ${o}`,
  requiredAnswered: (a, r) => `de las preguntas obligatorias respondidas (${a} de ${r})`,
  meterLabel: 'Preguntas obligatorias respondidas',
  overall: {
    saving: 'Guardando…',
    saved: 'Todos los cambios guardados',
    failed: 'Algunas respuestas no están guardadas',
    conflict: 'Una respuesta necesita su decisión',
  },
  saving: 'Guardando…',
  saved: 'Guardada',
  notSaved: (reason) => `No guardada — ${reason}`,
  retry: 'Reintentar',
  conflictTitle: 'Esta respuesta se cambió en otra ventana',
  yourAnswer: 'Su respuesta aquí',
  savedElsewhere: 'Guardada en otra ventana',
  cleared: 'La respuesta se borró',
  keepMine: 'Conservar mi respuesta',
  takeTheirs: 'Usar la otra respuesta',
  noAnswer: 'Sin respuesta',
  aFile: 'un archivo',
  attachedFiles: 'Archivos adjuntos',
  remove: 'Quitar',
  attachEvidence: 'Adjuntar pruebas',
  fileTypes: 'PDF, foto, Word, Excel, texto o CSV.',
  uploading: (n) => `Subiendo ${n}…`,
  notUploaded: (n) => `${n} no se subió.`,
  returned: (o, n) => `${o} le devolvió sus respuestas con ${n === 1 ? 'un comentario' : `${n} comentarios`}`,
  returnedHelp: (n) =>
    `Revise ${n === 1 ? 'el comentario' : 'cada comentario'}, cambie lo necesario y vuelva a enviar.`,
  commentFrom: (o) => `Comentario de ${o}`,
  sendTitle: 'Enviar sus respuestas',
  sendHelp: (o) =>
    `Sus respuestas se guardan a medida que avanza. Al enviarlas, ${o} sabrá que están listas para revisión; ya no podrá cambiarlas salvo que ${o} se las devuelva.`,
  notSavedYet: (n) =>
    `${n === 1 ? 'Una respuesta no está guardada' : `${n} respuestas no están guardadas`}: corríjalas o reintente primero.`,
  missing: (n) =>
    n === 1 ? 'Falta responder una pregunta obligatoria' : `Faltan por responder ${n} preguntas obligatorias`,
  submit: 'Enviar respuestas',
  needsAnswer: 'Esta pregunta necesita una respuesta',
  submittedOn: (when) => `Enviado${when ? ` el ${when}` : ''}: gracias`,
  submittedHelp: (o) =>
    `${o} revisará sus respuestas. Si necesita algo más, le devolverá el cuestionario y este enlace le permitirá cambiar sus respuestas. Sus respuestas se muestran abajo, solo para lectura.`,
  acceptedTitle: (o) => `${o} aceptó sus respuestas: gracias`,
  acceptedHelp: 'No hace falta nada más. Sus respuestas se muestran abajo para su archivo.',
  languageNotSaved: 'No se pudo guardar el idioma:',
};

export const portalWords = (locale: Locale): PortalWords => (locale === 'es' ? ES : EN);
