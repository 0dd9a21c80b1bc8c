import type { Locale } from '#shared/schemas/questionnaire-locales.js';
import type { TaskSeverity, TaskStatus } from '#shared/schemas/tasks.js';

/**
 * The words of the portal's Tasks section, in the supplier's chosen language: English and Spanish, like the
 * rest of the portal (portal-words.ts); other locales fall back to English. TODO(#9): the remaining locales.
 */
export interface PortalTaskWords {
  title: string;
  intro: (organisation: string) => string;
  severity: Record<TaskSeverity, string>;
  status: Record<TaskStatus, string>;
  due: string;
  overdue: string;
  comments: string;
  noComments: string;
  addComment: string;
  send: string;
  writeSomething: string;
  you: string;
  evidence: string;
  noFiles: string;
  addFile: string;
  fileTypes: string;
  uploading: (name: string) => string;
  notUploaded: (name: string) => string;
  markDone: string;
  markDoneHelp: string;
  waiting: (organisation: string) => string;
  finished: string;
}

const EN: PortalTaskWords = {
  title: 'Tasks',
  intro: (o) =>
    `${o} asks you to act on the following. Tell them what you did in the comments, attach evidence (photos, documents), and mark each task done when it is: ${o} then checks it.`,
  severity: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  status: {
    open: 'To do',
    in_progress: 'In progress',
    pending_verification: 'Done: being checked',
    closed: 'Closed',
    risk_accepted: 'No action needed for now',
  },
  due: 'Due',
  overdue: 'Overdue',
  comments: 'Comments',
  noComments: 'No comments yet.',
  addComment: 'Write a comment',
  send: 'Send comment',
  writeSomething: 'Write a comment first',
  you: 'You',
  evidence: 'Your files',
  noFiles: 'No files yet.',
  addFile: 'Attach a file',
  fileTypes: 'PDF, photo, Word, Excel, text or CSV.',
  uploading: (n) => `Uploading ${n}:`,
  notUploaded: (n) => `${n} was not uploaded.`,
  markDone: 'Mark done',
  markDoneHelp: 'When the work is finished and your evidence is attached.',
  waiting: (o) => `Marked done. ${o} checks it and closes it, or writes to you here.`,
  finished: 'Closed: nothing more to do.',
};

const ES: PortalTaskWords = {
  title: 'Tareas',
  intro: (o) =>
    `${o} le pide actuar sobre lo siguiente. Cuente lo que hizo en los comentarios, adjunte evidencias (fotos, documentos) y marque cada tarea como hecha cuando lo esté: ${o} la comprobará.`,
  severity: { low: 'Baja', medium: 'Media', high: 'Alta', critical: 'Crítica' },
  status: {
    open: 'Pendiente',
    in_progress: 'En curso',
    pending_verification: 'Hecha: en revisión',
    closed: 'Cerrada',
    risk_accepted: 'Sin acción por ahora',
  },
  due: 'Vence',
  overdue: 'Vencida',
  comments: 'Comentarios',
  noComments: 'Aún no hay comentarios.',
  addComment: 'Escriba un comentario',
  send: 'Enviar comentario',
  writeSomething: 'Escriba primero un comentario',
  you: 'Usted',
  evidence: 'Sus archivos',
  noFiles: 'Aún no hay archivos.',
  addFile: 'Adjuntar un archivo',
  fileTypes: 'PDF, foto, Word, Excel, texto o CSV.',
  uploading: (n) => `Subiendo ${n}:`,
  notUploaded: (n) => `${n} no se subió.`,
  markDone: 'Marcar como hecha',
  markDoneHelp: 'Cuando el trabajo esté terminado y sus evidencias adjuntas.',
  waiting: (o) => `Marcada como hecha. ${o} la revisará y la cerrará, o le escribirá aquí.`,
  finished: 'Cerrada: no hay nada más que hacer.',
};

export const portalTaskWords = (locale: Locale): PortalTaskWords => (locale === 'es' ? ES : EN);
