import type { Block, Frame } from '../layout.js';
import { COLOR, SERIES_COLORS } from '../theme.js';

// What the three vector charts share: the Figure element (alt text for screen readers, the drawing inside
// it), the title, the legend, "nice" axis ticks and marker shapes that tell series apart without colour.

export type Format = (value: number) => string;

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const TITLE_SIZE = 9;
export const TICK_SIZE = 6.5;
export const VALUE_SIZE = 6.5;
const TITLE_GAP = 6;
const AFTER = 12;

/**
 * A chart on the page: moves to the next page whole when it does not fit, and is one Figure element whose
 * Alt text says what the chart shows (the title is prepended, so the alt text can stay about the figures).
 */
export function figureBlock(
  title: string,
  alt: string,
  height: (f: Frame) => number,
  draw: (f: Frame, box: ChartBox) => void,
): Block {
  const total = (f: Frame) => Math.min(titleHeight(f, title) + height(f), f.pageBody);
  return {
    minStart: total,
    render(f) {
      f.ensure(total(f));
      const box = { x: f.left, y: f.y, width: f.width, height: total(f) };
      f.tag(
        'Figure',
        () => {
          f.font('bold', TITLE_SIZE, COLOR.ink);
          f.doc.text(title, box.x, box.y, { width: box.width });
          const th = titleHeight(f, title);
          draw(f, { x: box.x, y: box.y + th, width: box.width, height: box.height - th });
        },
        {
          alt: `${title}. ${alt}`,
          bbox: [box.x, box.y, box.x + box.width, box.y + box.height],
          placement: 'Block',
        },
      );
      f.doc.x = f.left;
      f.y = box.y + box.height;
      f.gap(AFTER);
    },
  };
}

function titleHeight(f: Frame, title: string): number {
  return f.measure(title, f.width, 'bold', TITLE_SIZE, 0) + TITLE_GAP;
}

export const seriesColor = (index: number, given?: string): string =>
  given ?? SERIES_COLORS[index % SERIES_COLORS.length] ?? COLOR.accent;

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';
const MARKERS: Marker[] = ['circle', 'square', 'triangle', 'diamond'];
export const seriesMarker = (index: number): Marker => MARKERS[index % MARKERS.length] ?? 'circle';

export function drawMarker(f: Frame, marker: Marker, x: number, y: number, r: number, color: string): void {
  const d = f.doc;
  if (marker === 'circle') d.circle(x, y, r);
  else if (marker === 'square') d.rect(x - r, y - r, 2 * r, 2 * r);
  else if (marker === 'triangle')
    d.polygon([x, y - r * 1.15], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]);
  else d.polygon([x, y - r * 1.25], [x + r * 1.1, y], [x, y + r * 1.25], [x - r * 1.1, y]);
  d.fill(color);
}

export interface LegendItem {
  name: string;
  color: string;
  marker?: Marker;
}

export const LEGEND_HEIGHT = 14;

/** One row of swatches and names (wraps to more rows when long); returns the height used. */
export function drawLegend(f: Frame, items: LegendItem[], x: number, y: number, width: number): number {
  if (items.length < 2) return 0;
  f.font('regular', TICK_SIZE + 0.5, COLOR.muted);
  let cx = x;
  let cy = y;
  for (const item of items) {
    const w = 12 + f.doc.widthOfString(item.name) + 12;
    if (cx + w > x + width && cx > x) {
      cx = x;
      cy += LEGEND_HEIGHT;
    }
    if (item.marker) {
      f.doc
        .moveTo(cx, cy + 4)
        .lineTo(cx + 9, cy + 4)
        .lineWidth(1.2)
        .stroke(item.color);
      drawMarker(f, item.marker, cx + 4.5, cy + 4, 2.2, item.color);
    } else {
      f.doc.rect(cx, cy, 8, 8).fill(item.color);
    }
    f.label(item.name, cx + 12, cy + 0.5, { size: TICK_SIZE + 0.5 });
    cx += w;
  }
  return cy - y + LEGEND_HEIGHT;
}

export function legendHeight(f: Frame, names: string[], width: number): number {
  if (names.length < 2) return 0;
  f.font('regular', TICK_SIZE + 0.5);
  let rows = 1;
  let cx = 0;
  for (const name of names) {
    const w = 12 + f.doc.widthOfString(name) + 12;
    if (cx + w > width && cx > 0) {
      rows++;
      cx = 0;
    }
    cx += w;
  }
  return rows * LEGEND_HEIGHT;
}

/** Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^n, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) max = min + (min === 0 ? 1 : Math.abs(min));
  const raw = (max - min) / Math.max(count - 1, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < max + step * 0.999; v += step) ticks.push(Math.round(v / step) * step);
  // Avoid float dust such as 0.30000000000000004.
  return ticks.map((t) => Number(t.toPrecision(12)));
}
