import type { ReportMeta } from '../report-types.js';
import { formatUtcShort } from './format.js';
import type { Frame } from './layout.js';
import { COLOR, PAGE, TYPE } from './theme.js';

// The running header (report title, register number) and footer ("Page X of Y", issue time, register number)
// on every page but the cover. Drawn last, over the buffered pages, once the page count is known; marked as
// pagination artifacts so screen readers skip them.

export function drawRunningHeadAndFoot(f: Frame, meta: ReportMeta, title: string): void {
  const d = f.doc;
  const { count } = d.bufferedPageRange();
  const headerRule = PAGE.headerY + 12;
  const footerRule = PAGE.footerY - 6;
  for (let i = 1; i < count; i++) {
    d.switchToPage(i);
    d.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
    const numberWidth = 110;
    f.label(title, f.left, PAGE.headerY, {
      width: f.width - numberWidth - 12,
      size: TYPE.small,
      color: COLOR.muted,
    });
    f.label(meta.registerNumber, f.right - numberWidth, PAGE.headerY, {
      width: numberWidth,
      align: 'right',
      size: TYPE.small,
      weight: 'bold',
      color: COLOR.muted,
    });
    d.moveTo(f.left, headerRule).lineTo(f.right, headerRule).lineWidth(0.5).stroke(COLOR.rule);
    d.endMarkedContent();

    d.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    d.moveTo(f.left, footerRule).lineTo(f.right, footerRule).lineWidth(0.5).stroke(COLOR.rule);
    f.label(
      `Issued ${formatUtcShort(meta.issuedAt)} · ${meta.registerNumber} · ${meta.organisation.name}`,
      f.left,
      PAGE.footerY,
      {
        width: f.width - numberWidth - 12,
        size: TYPE.small,
        color: COLOR.muted,
      },
    );
    f.label(`Page ${i + 1} of ${count}`, f.right - numberWidth, PAGE.footerY, {
      width: numberWidth,
      align: 'right',
      size: TYPE.small,
      weight: 'bold',
      color: COLOR.ink,
    });
    d.endMarkedContent();
  }
}
