import { formatNumber } from '../format.js';
import type { Block, Frame } from '../layout.js';
import { COLOR } from '../theme.js';
import {
  type ChartBox,
  drawLegend,
  type Format,
  figureBlock,
  legendHeight,
  niceTicks,
  seriesColor,
  TICK_SIZE,
  VALUE_SIZE,
} from './common.js';

// Bar charts, vertical or horizontal, grouped or stacked, with axis ticks, a legend (two series or more) and
// the value printed on or beside every bar that has room for it, so the figures read without the colours.

export interface BarSeries {
  name: string;
  /** One value per category; null: no figure (no bar, and no label pretending to be zero). */
  values: (number | null)[];
  color?: string;
}

export interface BarChartSpec {
  title: string;
  /** What the chart shows, for screen readers (the Figure's Alt text). */
  alt: string;
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  format?: Format;
  /** Plot height in points (vertical charts); horizontal ones grow with their categories. */
  height?: number;
}

const AXIS_GAP = 4;

interface Bar {
  category: number;
  series: number;
  from: number;
  to: number;
  value: number;
}

/** Every bar as a [from, to] interval on the value axis (stacked bars start where the one below ends). */
function bars(spec: BarChartSpec): Bar[] {
  const out: Bar[] = [];
  spec.categories.forEach((_, c) => {
    let pos = 0;
    let neg = 0;
    spec.series.forEach((s, i) => {
      const value = s.values[c];
      if (value == null || !Number.isFinite(value)) return;
      if (spec.stacked) {
        const from = value >= 0 ? pos : neg;
        if (value >= 0) pos += value;
        else neg += value;
        out.push({ category: c, series: i, from, to: from + value, value });
      } else {
        out.push({ category: c, series: i, from: 0, to: value, value });
      }
    });
  });
  return out;
}

function domain(all: Bar[]): [number, number] {
  const lo = Math.min(0, ...all.map((b) => Math.min(b.from, b.to)));
  const hi = Math.max(0, ...all.map((b) => Math.max(b.from, b.to)));
  return [lo, hi === lo ? lo + 1 : hi];
}

function totals(spec: BarChartSpec): (number | null)[] {
  return spec.categories.map((_, c) => {
    const vals = spec.series.map((s) => s.values[c]).filter((v): v is number => v != null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  });
}

export function barChartBlock(spec: BarChartSpec): Block {
  const format = spec.format ?? formatNumber;
  const names = spec.series.map((s) => s.name);
  const horizontalBand = () => (spec.stacked || spec.series.length === 1 ? 16 : spec.series.length * 9 + 7);
  const height = (f: Frame) => {
    const legend = legendHeight(f, names, f.width);
    if (spec.horizontal) return legend + spec.categories.length * horizontalBand() + 18;
    return legend + (spec.height ?? 170) + 30;
  };
  return figureBlock(spec.title, spec.alt, height, (f, box) => {
    const legend = drawLegend(
      f,
      spec.series.map((s, i) => ({ name: s.name, color: seriesColor(i, s.color) })),
      box.x,
      box.y,
      box.width,
    );
    const plot = { ...box, y: box.y + legend, height: box.height - legend };
    if (spec.horizontal) drawHorizontal(f, spec, plot, format);
    else drawVertical(f, spec, plot, format);
  });
}

function drawVertical(f: Frame, spec: BarChartSpec, box: ChartBox, format: Format): void {
  const all = bars(spec);
  const [lo, hi] = domain(all);
  const ticks = niceTicks(lo, hi, 5);
  const min = ticks[0] ?? lo;
  const max = ticks[ticks.length - 1] ?? hi;
  f.font('regular', TICK_SIZE);
  const axisWidth = Math.max(...ticks.map((t) => f.doc.widthOfString(format(t)))) + AXIS_GAP + 2;
  const labelHeight = 24;
  const plot = {
    x: box.x + axisWidth,
    y: box.y + 8,
    width: box.width - axisWidth,
    height: box.height - labelHeight - 8,
  };
  const yOf = (v: number) => plot.y + plot.height - ((v - min) / (max - min)) * plot.height;

  for (const t of ticks) {
    const y = yOf(t);
    f.doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(t === 0 ? 0.8 : 0.4)
      .stroke(t === 0 ? COLOR.rule : COLOR.grid);
    f.label(format(t), box.x, y - 3, { width: axisWidth - AXIS_GAP, align: 'right', size: TICK_SIZE });
  }

  const n = Math.max(spec.categories.length, 1);
  const group = plot.width / n;
  const inner = group * 0.72;
  const perGroup = spec.stacked ? 1 : Math.max(spec.series.length, 1);
  const barWidth = inner / perGroup;

  for (const bar of all) {
    const gx = plot.x + bar.category * group + (group - inner) / 2;
    const x = gx + (spec.stacked ? 0 : bar.series * barWidth);
    const y1 = yOf(Math.max(bar.from, bar.to));
    const y2 = yOf(Math.min(bar.from, bar.to));
    const color = seriesColor(bar.series, spec.series[bar.series]?.color);
    f.doc.rect(x + 0.5, y1, Math.max(barWidth - 1, 0.5), Math.max(y2 - y1, 0.3)).fill(color);
    const text = format(bar.value);
    f.font('regular', VALUE_SIZE);
    const tw = f.doc.widthOfString(text);
    if (spec.stacked) {
      // Inside the segment when it has room; the total goes on top.
      if (y2 - y1 >= VALUE_SIZE + 3 && tw <= barWidth - 2) {
        f.label(text, x, (y1 + y2) / 2 - VALUE_SIZE / 2, {
          width: barWidth,
          align: 'center',
          size: VALUE_SIZE,
          color: contrastText(color),
        });
      }
    } else if (tw <= barWidth + 6) {
      const above = bar.value >= 0 ? y1 - VALUE_SIZE - 2 : y2 + 1.5;
      f.label(text, x - 3, above, {
        width: barWidth + 6,
        align: 'center',
        size: VALUE_SIZE,
        color: COLOR.ink,
      });
    }
  }
  if (spec.stacked && spec.series.length > 1) {
    totals(spec).forEach((total, c) => {
      if (total == null) return;
      const x = plot.x + c * group;
      f.label(format(total), x, yOf(Math.max(total, 0)) - VALUE_SIZE - 2, {
        width: group,
        align: 'center',
        size: VALUE_SIZE,
        weight: 'bold',
        color: COLOR.ink,
      });
    });
  }

  // Category names under the bars, wrapped to two lines within their slot.
  spec.categories.forEach((name, c) => {
    f.font('regular', TICK_SIZE, COLOR.muted);
    f.doc.text(name, plot.x + c * group + 1, plot.y + plot.height + 4, {
      width: group - 2,
      height: labelHeight - 4,
      align: 'center',
      ellipsis: true,
      lineGap: 0,
    });
  });
}

function drawHorizontal(f: Frame, spec: BarChartSpec, box: ChartBox, format: Format): void {
  const all = bars(spec);
  const [lo, hi] = domain(all);
  const ticks = niceTicks(lo, hi, 6);
  const min = ticks[0] ?? lo;
  const max = ticks[ticks.length - 1] ?? hi;
  f.font('regular', TICK_SIZE);
  const longest = Math.max(...spec.categories.map((c) => f.doc.widthOfString(c)), 20);
  const labelWidth = Math.min(longest + 8, box.width * 0.32);
  const valueRoom = 28;
  const axisHeight = 14;
  const plot = {
    x: box.x + labelWidth,
    y: box.y,
    width: box.width - labelWidth - valueRoom,
    height: box.height - axisHeight,
  };
  const xOf = (v: number) => plot.x + ((v - min) / (max - min)) * plot.width;
  for (const t of ticks) {
    const x = xOf(t);
    f.doc
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.height)
      .lineWidth(t === 0 ? 0.8 : 0.4)
      .stroke(t === 0 ? COLOR.rule : COLOR.grid);
    f.label(format(t), x - 20, plot.y + plot.height + 4, { width: 40, align: 'center', size: TICK_SIZE });
  }

  const n = Math.max(spec.categories.length, 1);
  const band = plot.height / n;
  const perBand = spec.stacked ? 1 : Math.max(spec.series.length, 1);
  const inner = band * 0.76;
  const barHeight = inner / perBand;

  spec.categories.forEach((name, c) => {
    const cy = plot.y + c * band;
    f.label(name, box.x, cy + band / 2 - TICK_SIZE / 2 - 0.5, {
      width: labelWidth - 6,
      align: 'right',
      size: TICK_SIZE,
      color: COLOR.ink,
    });
  });
  for (const bar of all) {
    const by =
      plot.y + bar.category * band + (band - inner) / 2 + (spec.stacked ? 0 : bar.series * barHeight);
    const x1 = xOf(Math.min(bar.from, bar.to));
    const x2 = xOf(Math.max(bar.from, bar.to));
    const color = seriesColor(bar.series, spec.series[bar.series]?.color);
    f.doc.rect(x1, by + 0.5, Math.max(x2 - x1, 0.3), Math.max(barHeight - 1, 0.5)).fill(color);
    const text = format(bar.value);
    f.font('regular', VALUE_SIZE);
    const tw = f.doc.widthOfString(text);
    const ty = by + barHeight / 2 - VALUE_SIZE / 2 - 0.3;
    if (spec.stacked) {
      if (x2 - x1 >= tw + 4 && barHeight >= VALUE_SIZE) {
        f.label(text, x1, ty, {
          width: x2 - x1,
          align: 'center',
          size: VALUE_SIZE,
          color: contrastText(color),
        });
      }
    } else {
      f.label(text, x2 + 3, ty, { size: VALUE_SIZE, color: COLOR.ink });
    }
  }
  if (spec.stacked && spec.series.length > 1) {
    totals(spec).forEach((total, c) => {
      if (total == null) return;
      const ty = plot.y + c * band + band / 2 - VALUE_SIZE / 2 - 0.3;
      f.label(format(total), xOf(Math.max(total, 0)) + 3, ty, {
        size: VALUE_SIZE,
        weight: 'bold',
        color: COLOR.ink,
      });
    });
  }
}

/** White on dark fills, ink on light ones (relative luminance of the sRGB colour). */
export function contrastText(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) return COLOR.ink;
  const n = Number.parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return l < 0.35 ? COLOR.white : COLOR.ink;
}
