import type { ReportFormat, ReportStatus } from '#shared/schemas/reports.js';
import type { BadgeTone } from '../../components/ui/badge.js';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  queued: 'Waiting to start',
  running: 'Being written',
  ready: 'Issued',
  failed: 'Failed',
};

export const REPORT_STATUS_TONES: Record<ReportStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'accent',
  ready: 'success',
  failed: 'danger',
};

/** Link text of each download in the register (short: a table column). */
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  markdown: 'Markdown',
};

/** The same, spelt out on a report's page; the editable ones are for reworking a statement before the board. */
export const REPORT_FORMAT_NAMES: Record<ReportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  markdown: 'Markdown',
};
