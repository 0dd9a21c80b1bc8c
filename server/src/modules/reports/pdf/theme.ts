import type { RatingBand } from '#shared/schemas/dashboard.js';

// Page geometry, type scale and palette of every issued PDF. A4 portrait in points (1/72 in). The palette is
// the web dashboard's (web/src/features/dashboard/lib/palette.ts; a test keeps the two equal), so a rating is
// the same colour on screen and on paper; every chart also names its bands in words (greyscale printing).

export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  margin: { top: 70, bottom: 64, left: 56, right: 56 },
  /** Baselines of the running header and footer, inside the top and bottom margins. */
  headerY: 32,
  footerY: 800,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** The y below which nothing of the body is drawn. */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin.bottom;

export const TYPE = {
  title: 24,
  subtitle: 13,
  h1: 15,
  h2: 11.5,
  body: 9,
  small: 7.5,
  table: 8,
  lineGap: 2,
} as const;

export const COLOR = {
  ink: '#1f2430',
  muted: '#5a6374',
  accent: '#2f5bd3',
  accentSoft: '#e8eefb',
  rule: '#cdd2da',
  grid: '#e3e6eb',
  zebra: '#f4f6f9',
  headerFill: '#eef1f5',
  white: '#ffffff',
} as const;

/** The rating colours of the dashboard's badges and charts (worst first). */
export const RATING_COLORS: Record<RatingBand, string> = {
  critical: '#b42318',
  high: '#e8772e',
  medium: '#e2b23a',
  low: '#3fa46a',
  none: '#9aa3b2',
};

export const RATING_LABELS: Record<RatingBand, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'Not assessed',
};

/**
 * Series colours when a chart names none: distinct in hue and in lightness, so they stay apart in greyscale
 * (the legend and the value labels name them anyway).
 */
export const SERIES_COLORS = ['#2f5bd3', '#e8772e', '#3fa46a', '#7a4fb5', '#b42318', '#0f8a93', '#9aa3b2'];

export const CALLOUT = {
  gap: { label: 'Data gap', fill: '#fdf1e7', bar: '#e8772e' },
  warning: { label: 'Warning', fill: '#fbeceb', bar: '#b42318' },
  note: { label: 'Note', fill: '#e8eefb', bar: '#2f5bd3' },
} as const;
export type CalloutKind = keyof typeof CALLOUT;
