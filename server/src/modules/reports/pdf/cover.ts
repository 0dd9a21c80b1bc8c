import type { ReportMeta } from '../report-types.js';
import type { Frame } from './layout.js';
import { anchorPointerText, coverFacts, kindLabel, PRODUCT, verifyText } from './report-facts.js';
import { calloutBlock, keyValuesBlock } from './text-blocks.js';
import { COLOR, PAGE, TYPE } from './theme.js';

// The cover: what the report is, whose, when, on which policy and (signed) audit-chain head, and how to check that a
// copy is genuine. It carries no running header or footer.

export interface CoverText {
  title: string;
  subtitle?: string;
  verifyUrl?: string;
}

export function drawCover(f: Frame, meta: ReportMeta, text: CoverText): void {
  const d = f.doc;
  f.artifact(() => {
    d.rect(0, 0, PAGE.width, 10).fill(COLOR.accent);
    d.rect(f.left, 96, 36, 3).fill(COLOR.accent);
  });
  f.tag('P', () => {
    f.font('bold', 9, COLOR.accent);
    d.text(`${PRODUCT.toUpperCase()} · ${kindLabel(meta).toUpperCase()}`, f.left, 72, {
      width: f.width,
      characterSpacing: 0.6,
    });
  });
  f.y = 118;
  f.tag('H1', () => {
    f.font('bold', TYPE.title, COLOR.ink);
    d.text(text.title, f.left, f.y, { width: f.width, lineGap: 2 });
  });
  if (text.subtitle) {
    const subtitle = text.subtitle;
    f.y += 6;
    f.tag('P', () => {
      f.font('regular', TYPE.subtitle, COLOR.muted);
      d.text(subtitle, f.left, f.y, { width: f.width, lineGap: 2 });
    });
  }
  f.y = Math.max(f.y + 36, 250);
  keyValuesBlock(coverFacts(meta)).render(f, undefined);

  // The verification note sits at the foot of the cover, where a reader looks for it on a printed copy.
  const pointer = anchorPointerText(meta);
  const verify = verifyText(meta, text.verifyUrl);
  const note = calloutBlock('note', pointer ? `${verify} ${pointer}` : verify, 'How to verify this copy');
  const noteHeight = note.minStart(f);
  f.y = Math.max(f.y + 16, f.bottom - noteHeight);
  note.render(f, undefined);
}
