import { formatNumber } from '../format.js';
import type { Block } from '../layout.js';
import { COLOR } from '../theme.js';
import {
  drawLegend,
  drawMarker,
  type Format,
  figureBlock,
  legendHeight,
  niceTicks,
  seriesColor,
  seriesMarker,
  TICK_SIZE,
  VALUE_SIZE,
} from './common.js';

// Line charts over ordered labels (months, weeks). A null is a gap in the line, never a zero. Each series has
// its own marker shape as well as its colour, and its last value is printed at the end of its line.

export interface LineSeries {
  name: string;
  values: (number | null)[];
  color?: string;
}

export interface LineChartSpec {
  title: string;
  alt: string;
  labels: string[];
  series: LineSeries[];
  /** Top of the value axis (e.g. 100 for a 0–100 score); default: a round number above the largest value. */
  yMax?: number;
  /** Bottom of the value axis; default 0 (or below, for negative values). */
  yMin?: number;
  format?: Format;
  height?: number;
}

export function lineChartBlock(spec: LineChartSpec): Block {
  const format = spec.format ?? formatNumber;
  const names = spec.series.map((s) => s.name);
  return figureBlock(
    spec.title,
    spec.alt,
    (f) => legendHeight(f, names, f.width) + (spec.height ?? 160) + 22,
    (f, box) => {
      const legend = drawLegend(
        f,
        spec.series.map((s, i) => ({
          name: s.name,
          color: seriesColor(i, s.color),
          marker: seriesMarker(i),
        })),
        box.x,
        box.y,
        box.width,
      );
      const values = spec.series.flatMap((s) =>
        s.values.filter((v): v is number => v != null && Number.isFinite(v)),
      );
      const lo = Math.min(spec.yMin ?? 0, ...values);
      const hi = spec.yMax ?? Math.max(lo + 1, ...values);
      const ticks = spec.yMax != null ? niceTicks(lo, hi, 5).filter((t) => t <= hi) : niceTicks(lo, hi, 5);
      const min = ticks[0] ?? lo;
      const max = spec.yMax ?? ticks[ticks.length - 1] ?? hi;

      f.font('regular', TICK_SIZE);
      const axisWidth = Math.max(...ticks.map((t) => f.doc.widthOfString(format(t)))) + 6;
      const valueRoom = 26;
      const plot = {
        x: box.x + axisWidth,
        y: box.y + legend + 6,
        width: box.width - axisWidth - valueRoom,
        height: box.height - legend - 6 - 16,
      };
      const yOf = (v: number) => plot.y + plot.height - ((v - min) / (max - min || 1)) * plot.height;
      const n = spec.labels.length;
      const xOf = (i: number) => plot.x + (n <= 1 ? plot.width / 2 : (i / (n - 1)) * plot.width);

      for (const t of ticks) {
        const y = yOf(t);
        f.doc
          .moveTo(plot.x, y)
          .lineTo(plot.x + plot.width, y)
          .lineWidth(0.4)
          .stroke(COLOR.grid);
        f.label(format(t), box.x, y - 3, { width: axisWidth - 4, align: 'right', size: TICK_SIZE });
      }
      f.doc
        .moveTo(plot.x, plot.y + plot.height)
        .lineTo(plot.x + plot.width, plot.y + plot.height)
        .lineWidth(0.8)
        .stroke(COLOR.rule);

      // As many x labels as fit side by side; the rest are skipped evenly (the first and last always shown).
      f.font('regular', TICK_SIZE);
      const widest = Math.max(...spec.labels.map((l) => f.doc.widthOfString(l)), 1) + 6;
      const step = Math.max(1, Math.ceil(widest / (plot.width / Math.max(n - 1, 1))));
      spec.labels.forEach((label, i) => {
        if (i % step !== 0 && i !== n - 1) return;
        if (i !== n - 1 && i + step > n - 1 && n - 1 - i < step / 2) return;
        f.label(label, xOf(i) - widest / 2, plot.y + plot.height + 4, {
          width: widest,
          align: 'center',
          size: TICK_SIZE,
        });
      });

      spec.series.forEach((s, si) => {
        const color = seriesColor(si, s.color);
        const marker = seriesMarker(si);
        let open = false;
        let drawn = false;
        s.values.forEach((v, i) => {
          if (v == null || !Number.isFinite(v)) {
            open = false;
            return;
          }
          if (open) f.doc.lineTo(xOf(i), yOf(v));
          else f.doc.moveTo(xOf(i), yOf(v));
          open = true;
          drawn = true;
        });
        // Stroke only a path that exists (an empty "S" is an error in the content stream).
        if (drawn) f.doc.lineWidth(1.4).stroke(color);
        const r = n > 40 ? 1.3 : 2.2;
        s.values.forEach((v, i) => {
          if (v != null && Number.isFinite(v)) drawMarker(f, marker, xOf(i), yOf(v), r, color);
        });
        const last = s.values.findLastIndex((v) => v != null && Number.isFinite(v));
        const lastValue = s.values[last];
        if (last >= 0 && lastValue != null) {
          f.label(format(lastValue), xOf(last) + 4, yOf(lastValue) - VALUE_SIZE / 2 - 0.5, {
            size: VALUE_SIZE,
            weight: 'bold',
            color: COLOR.ink,
          });
        }
      });
    },
  );
}
