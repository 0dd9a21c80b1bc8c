import type { ReportMeta } from '../report-types.js';
import { type HeadingIndex, headingBlock } from './headings.js';
import type { Block } from './layout.js';
import {
  anchorCheck,
  anchorFacts,
  auditHeadText,
  issuedText,
  kindLabel,
  PRODUCT,
  policyText,
  verifyText,
} from './report-facts.js';
import { tableBlock } from './table.js';
import { calloutBlock, keyValuesBlock, pageBreakBlock, paragraphBlock } from './text-blocks.js';

// The closing section of every report: how its figures were made (methodology, policy version, the data
// sources and their editions), what it was built on (the audit-chain head, the issue time) and how a reader
// checks a copy. Everything here comes from ReportMeta, so every kind of report says it the same way.

export function aboutBlocks(index: HeadingIndex, meta: ReportMeta, verifyUrl: string | undefined): Block[] {
  const blocks: Block[] = [
    // An appendix of its own: it starts on a fresh page.
    pageBreakBlock(),
    headingBlock(index, 'About this report', 1),
    paragraphBlock(
      `This ${kindLabel(meta).toLowerCase()} was issued by ${meta.organisation.name} with ${PRODUCT} and recorded ` +
        `in its reports register as ${meta.registerNumber}. Every figure in it was read from one consistent ` +
        'snapshot of the data at the issue time below; the report changes no data.',
    ),
    keyValuesBlock([
      ['Register number', meta.registerNumber],
      ['Kind', kindLabel(meta)],
      ['Organisation', meta.organisation.name],
      ['Issued (UTC)', issuedText(meta)],
      ['Issued by', meta.issuedBy.name],
      ['Scoring policy', policyText(meta)],
      ['Organisation id', meta.organisation.id],
      ['Audit-chain head', auditHeadText(meta)],
      ...anchorFacts(meta),
      [
        'Generation',
        'Rendered from the snapshot read at the issue time. The same data and the same issue time give the ' +
          'same file, byte for byte.',
      ],
    ]),
    headingBlock(index, 'Methodology', 2),
    paragraphBlock(
      'Each supplier is rated from its inherent risk (country and goods, from the reference datasets below), ' +
        'the controls it has shown (questionnaire answers and evidence) and the residual risk that remains, ' +
        'with red flags that set a minimum rating and the rule that missing data is never rated as low risk. ' +
        `The weights and thresholds are those of the scoring policy in force (${policyText(meta)}). The full ` +
        `method, with a worked example, is "How ${PRODUCT} scores forced-labour risk" on the Policies page ` +
        `(/policies) of ${PRODUCT}.`,
    ),
    headingBlock(index, 'Data sources', 2),
  ];
  if (meta.sources.length === 0) {
    blocks.push(
      calloutBlock(
        'gap',
        'No reference dataset was loaded when this report was issued: country and goods risk could not be drawn from published sources.',
      ),
    );
  } else {
    blocks.push(
      tableBlock({
        columns: [
          { header: 'Source' },
          { header: 'Publisher' },
          { header: 'Edition', width: 52, align: 'left' },
          { header: 'Where to find it' },
        ],
        rows: meta.sources.map((s) => [`${s.title} (${s.shortName})`, s.publisher, s.edition, s.url]),
      }),
    );
    const hashed = meta.sources.filter((s) => s.sha256);
    if (hashed.length > 0) {
      blocks.push(
        tableBlock({
          caption: 'The exact files scored against',
          columns: [
            { header: 'Source', width: 70 },
            { header: 'Edition', width: 52, align: 'left' },
            { header: 'File' },
            { header: 'SHA-256' },
          ],
          rows: hashed.map((s) => [s.shortName, s.edition, s.file, s.sha256 ?? '']),
        }),
      );
    }
  }
  blocks.push(
    headingBlock(index, 'How to verify this copy', 2),
    paragraphBlock(verifyText(meta, verifyUrl)),
    headingBlock(index, 'How to check the signed audit checkpoint', 2),
    ...anchorCheckBlocks(meta),
  );
  return blocks;
}

function anchorCheckBlocks(meta: ReportMeta): Block[] {
  const check = anchorCheck(meta);
  if (check.kind === 'none') return [paragraphBlock(check.text)];
  return [
    paragraphBlock(check.intro),
    keyValuesBlock(check.message),
    paragraphBlock(check.how),
    keyValuesBlock([['Command', check.command]]),
    paragraphBlock(check.closing),
  ];
}
