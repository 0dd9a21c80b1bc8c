import { formatNumber } from '../format.js';
import type { Block, Frame } from '../layout.js';
import { COLOR } from '../theme.js';
import { type Format, figureBlock, TICK_SIZE } from './common.js';

// A grid of rows × columns shaded by value, with the value printed in every cell (the shade is never the
// only cue) and a legend of the shades. Two scales: `risk`, the dashboard's five steps of a 0–100 risk score
// (dashboard.css .heat-0 … .heat-4, so paper and screen agree), and `sequential`, light to dark blue from 0 to
// the largest value. Both darken monotonically, so they read in greyscale too. Null is "no figure": hatched
// grey with a dash, never the lightest shade.

export interface HeatmapSpec {
  title: string;
  alt: string;
  rows: string[];
  columns: string[];
  /** values[row][column]; null: nothing to show (e.g. no assessed supplier in that cell). */
  values: (number | null)[][];
  /** A second, smaller line in each cell (e.g. "12 suppliers"). */
  notes?: (string | null)[][];
  format?: Format;
  scale?: 'risk' | 'sequential';
  /** Top of the sequential scale; default the largest value. */
  max?: number;
}

interface Shade {
  fill: string;
  text: string;
}

/** The dashboard's heat steps (average residual risk, 0–100, in steps of 20). */
export const RISK_STEPS: Shade[] = [
  { fill: '#e6f4ea', text: '#14532d' },
  { fill: '#fdf3c4', text: '#5c4305' },
  { fill: '#f9c98a', text: '#5a2d00' },
  { fill: '#e4703a', text: '#1b0a00' },
  { fill: '#a1261a', text: '#ffffff' },
];
const SEQUENTIAL_STEPS: Shade[] = [
  { fill: '#eef2fb', text: COLOR.ink },
  { fill: '#c9d6f3', text: COLOR.ink },
  { fill: '#8fa9e6', text: COLOR.ink },
  { fill: '#4a72d6', text: '#ffffff' },
  { fill: '#1f3f8f', text: '#ffffff' },
];
const EMPTY: Shade = { fill: '#eef0f3', text: '#3d4452' };

function shadeOf(spec: HeatmapSpec, value: number | null, max: number): Shade {
  if (value == null || !Number.isFinite(value)) return EMPTY;
  const steps = spec.scale === 'risk' ? RISK_STEPS : SEQUENTIAL_STEPS;
  const top = spec.scale === 'risk' ? 100 : max;
  const i = top <= 0 ? 0 : Math.min(steps.length - 1, Math.max(0, Math.floor((value / top) * steps.length)));
  return steps[i] ?? EMPTY;
}

const CELL_HEIGHT = 24;
const GAP = 2;
const LEGEND = 26;

export function heatmapBlock(spec: HeatmapSpec): Block {
  const format = spec.format ?? formatNumber;
  const values = spec.values.flat().filter((v): v is number => v != null && Number.isFinite(v));
  const max = spec.max ?? Math.max(0, ...values);
  const headerHeight = (f: Frame) => {
    const cw = cellWidth(f);
    f.font('bold', TICK_SIZE);
    const widest = Math.max(...spec.columns.map((c) => f.doc.widthOfString(c)), 1);
    // Column names that do not fit across their cell are set vertically.
    return widest <= cw - 4 ? 14 : Math.min(widest + 6, 80);
  };
  const labelWidth = (f: Frame) => {
    f.font('bold', TICK_SIZE);
    return Math.min(Math.max(...spec.rows.map((r) => f.doc.widthOfString(r)), 20) + 10, f.width * 0.3);
  };
  const cellWidth = (f: Frame) => (f.width - labelWidth(f)) / Math.max(spec.columns.length, 1);

  return figureBlock(
    spec.title,
    spec.alt,
    (f) => headerHeight(f) + spec.rows.length * (CELL_HEIGHT + GAP) + LEGEND,
    (f, box) => {
      const lw = labelWidth(f);
      const cw = cellWidth(f);
      const hh = headerHeight(f);
      // Rows shrink (to a legible minimum) rather than run past the page when there are many of them.
      const cell = Math.max(
        10,
        Math.min(CELL_HEIGHT, (box.height - hh - LEGEND) / Math.max(spec.rows.length, 1) - GAP),
      );
      const withNotes = cell >= 20;
      spec.columns.forEach((name, c) => {
        const x = box.x + lw + c * cw;
        if (hh === 14) {
          f.label(name, x, box.y + 2, { width: cw - GAP, align: 'center', size: TICK_SIZE, weight: 'bold' });
        } else {
          f.font('bold', TICK_SIZE, COLOR.muted);
          const shown = f.fit(name, hh - 6);
          // Bottom-to-top, ending just above the first row.
          f.doc.save();
          f.doc.text(shown, x + cw / 2 - TICK_SIZE / 2, box.y + hh - 3, { lineBreak: false, rotation: 90 });
          f.doc.restore();
        }
      });
      spec.rows.forEach((name, r) => {
        const y = box.y + hh + r * (cell + GAP);
        f.label(name, box.x, y + cell / 2 - TICK_SIZE / 2, {
          width: lw - 8,
          size: TICK_SIZE,
          weight: 'bold',
        });
        spec.columns.forEach((_, c) => {
          const x = box.x + lw + c * cw;
          const value = spec.values[r]?.[c] ?? null;
          const shade = shadeOf(spec, value, max);
          f.doc.roundedRect(x, y, cw - GAP, cell, 2).fill(shade.fill);
          if (value == null) {
            f.doc
              .roundedRect(x + 0.5, y + 0.5, cw - GAP - 1, cell - 1, 2)
              .dash(1.5, { space: 1.5 })
              .lineWidth(0.5)
              .stroke(COLOR.rule);
            f.doc.undash();
          }
          const note = withNotes ? (spec.notes?.[r]?.[c] ?? null) : null;
          const text = value == null ? '—' : format(value);
          const ty = note ? y + 4 : y + cell / 2 - 4;
          f.label(text, x, ty, {
            width: cw - GAP,
            align: 'center',
            size: 8,
            weight: 'bold',
            color: shade.text,
          });
          if (note)
            f.label(note, x, y + 14, { width: cw - GAP, align: 'center', size: 5.5, color: shade.text });
        });
      });
      drawScale(f, spec, box.x + lw, box.y + hh + spec.rows.length * (cell + GAP) + 8, max, format);
    },
  );
}

function drawScale(f: Frame, spec: HeatmapSpec, x: number, y: number, max: number, format: Format): void {
  const risk = spec.scale === 'risk';
  const steps = risk ? RISK_STEPS : SEQUENTIAL_STEPS;
  const top = risk ? 100 : max;
  let cx = x;
  steps.forEach((shade, i) => {
    const from = (top * i) / steps.length;
    const to = (top * (i + 1)) / steps.length;
    const text = `${format(from)}–${format(to)}`;
    f.doc.rect(cx, y, 10, 10).fill(shade.fill);
    f.doc.rect(cx, y, 10, 10).lineWidth(0.3).stroke(COLOR.rule);
    f.label(text, cx + 13, y + 1.5, { size: TICK_SIZE });
    f.font('regular', TICK_SIZE);
    cx += 13 + f.doc.widthOfString(text) + 12;
  });
  f.doc.rect(cx, y, 10, 10).fill(EMPTY.fill);
  f.doc.rect(cx, y, 10, 10).dash(1.5, { space: 1.5 }).lineWidth(0.5).stroke(COLOR.rule);
  f.doc.undash();
  f.label('no figure', cx + 13, y + 1.5, { size: TICK_SIZE });
}
