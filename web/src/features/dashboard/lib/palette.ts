import type { RatingBand } from '#shared/schemas/dashboard.js';

// The rating colours of the badges and the overview bar (overview.css), as SVG fills for the charts. Each
// chart also names its bands in words (axis, legend, table): colour is never the only cue.
export const BAND_FILL: Record<RatingBand, string> = {
  critical: '#b42318',
  high: '#e8772e',
  medium: '#e2b23a',
  low: '#3fa46a',
  none: '#9aa3b2',
};

export const BAND_LABEL: Record<RatingBand, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'Not assessed',
};

/** Axis text and grid lines: the theme's muted text and border colours. */
export const AXIS = { tick: { fill: '#5a6374', fontSize: 12 }, stroke: '#cdd2da' } as const;
export const GRID = '#e3e6eb';
export const ACCENT = '#2f5bd3';
