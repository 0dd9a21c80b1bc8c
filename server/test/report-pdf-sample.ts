import { loadReferenceData } from '#shared/domain/reference/load-node.js';
import { createReportPdf } from '../src/modules/reports/pdf/document.js';
import { RATING_COLORS } from '../src/modules/reports/pdf/theme.js';
import type { ReportMeta } from '../src/modules/reports/report-types.js';

// A report that uses every primitive of the PDF frame, with names outside Latin-1, a table long enough to
// span pages and charts of each kind: the frame's tests render it, and so does a look at it by eye
// (`npx tsx server/test/report-pdf-sample.ts /tmp/sample.pdf`).

export const SAMPLE_META: ReportMeta = {
  registerNumber: 'CS-2026-000042',
  kind: 'portfolio',
  issuedAt: new Date('2026-11-30T17:35:24.000Z'),
  organisation: { id: '00000000-0000-4000-8000-000000000001', name: 'Łódź Textiles & Co' },
  issuedBy: { name: 'Nguyễn Thị Minh' },
  policy: { id: '00000000-0000-4000-8000-000000000002', name: 'Group sourcing policy', version: 3 },
  sources: loadReferenceData().datasets,
  auditHead: { seq: 1234, hash: 'a3f1c9e07b5d4e2a9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d' },
  // The length and alphabet of a real Ed25519 signature (64 bytes, base64), so the layout is the real one.
  auditSignature: {
    keyId: '5d0c3b9a7e21f486',
    signature: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64'),
  },
};

export const SAMPLE_SUPPLIERS = [
  'Nguyễn Garments JSC',
  'Łódź Weaving Sp. z o.o.',
  'Ağrı Hazelnut Cooperative',
  'Smith & Sons <Leather>',
  'Shenzhen Bright Electronics Co., Ltd.',
  'São Paulo Café Exportadora',
];

export function renderSampleReport(meta: ReportMeta = SAMPLE_META, rows = 90) {
  const pdf = createReportPdf(meta, {
    title: 'Portfolio risk report',
    subtitle: 'All suppliers · changes since 1 October 2026',
    verifyUrl: 'https://clearsource.example.com/verify',
  });
  pdf.section('Summary');
  pdf.paragraph(
    'This report covers every active supplier of the organisation, their current ratings and the remediation ' +
      'work in progress. Ratings are residual risk after controls; unknown data is never rated low.',
  );
  pdf.kpis([
    { label: 'Active suppliers', value: '1,284', note: '37 added since 1 Oct' },
    { label: 'Assessed', value: '92 %', note: '1,181 of 1,284' },
    { label: 'High or critical', value: '146', note: '+12 since 1 Oct' },
    { label: 'Open findings', value: '318', note: '41 overdue' },
  ]);
  pdf.callout('gap', 'Nine suppliers have no country recorded: their inherent risk cannot be computed.');
  pdf.callout('warning', 'Two suppliers in Xinjiang sourcing regions are rated critical pending evidence.');
  pdf.callout('note', 'Figures are as of the issue time; the dashboard may show newer data.');
  pdf.section('Ratings', 1);
  pdf.barChart({
    title: 'Suppliers by rating',
    alt: 'Critical 38, high 108, medium 402, low 633, not assessed 103.',
    categories: ['Critical', 'High', 'Medium', 'Low', 'Not assessed'],
    series: [{ name: 'Suppliers', values: [38, 108, 402, 633, 103] }],
  });
  pdf.barChart({
    title: 'Assessments per month by rating',
    alt: 'Stacked monthly assessments by rating over six months.',
    categories: ['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'],
    stacked: true,
    series: (['critical', 'high', 'medium', 'low'] as const).map((band, i) => ({
      name: band[0]?.toUpperCase() + band.slice(1),
      color: RATING_COLORS[band],
      values: [3 + i, 8 + 2 * i, 20 - i, 31, 12 + i * 3, 9].map((v) => v * (i + 1)),
    })),
  });
  pdf.barChart({
    title: 'Open findings by country and severity',
    alt: 'Grouped horizontal bars of open findings per country, high and critical.',
    horizontal: true,
    categories: ['Viet Nam', 'Poland', 'Türkiye', 'China', 'Brazil'],
    series: [
      { name: 'High', values: [12, 3, 9, 22, 5], color: RATING_COLORS.high },
      { name: 'Critical', values: [2, 0, 4, 7, null], color: RATING_COLORS.critical },
    ],
  });
  pdf.section('Trend', 2);
  pdf.lineChart({
    title: 'Average residual risk and share assessed',
    alt: 'Average residual risk fell from 58 to 49 over twelve months; a gap in March when no assessment was made.',
    labels: ['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'],
    yMax: 100,
    series: [
      { name: 'Average residual risk', values: [58, 57, 55, null, 54, 53, 52, 52, 51, 50, 49, 49] },
      { name: 'Share assessed (%)', values: [61, 64, 66, null, 70, 74, 77, 81, 84, 88, 90, 92] },
    ],
  });
  pdf.heatmap({
    title: 'Average residual risk by country and good',
    alt: 'Highest in China cotton (82) and Türkiye hazelnuts (74); no assessed supplier for Poland electronics.',
    rows: ['Viet Nam', 'Poland', 'Türkiye', 'China', 'Brazil'],
    columns: ['Cotton', 'Garments', 'Hazelnuts', 'Electronics', 'Coffee'],
    scale: 'risk',
    values: [
      [64, 58, null, 41, 37],
      [22, 18, null, null, 12],
      [55, 49, 74, 33, null],
      [82, 66, null, 59, 28],
      [31, 27, null, 19, 45],
    ],
    notes: [
      ['14 suppliers', '22 suppliers', null, '5 suppliers', '3 suppliers'],
      ['2 suppliers', '4 suppliers', null, null, '1 supplier'],
      ['9 suppliers', '7 suppliers', '12 suppliers', '2 suppliers', null],
      ['31 suppliers', '18 suppliers', null, '27 suppliers', '1 supplier'],
      ['6 suppliers', '3 suppliers', null, '2 suppliers', '19 suppliers'],
    ],
  });
  pdf.section('Top risks');
  pdf.bullets([
    'Nguyễn Garments JSC: critical, forced overtime reported by an auditor in 2026; remediation plan overdue.',
    'Ağrı Hazelnut Cooperative: high, seasonal migrant labour with recruitment fees; evidence requested.',
    'Łódź Weaving Sp. z o.o.: medium, but its own suppliers are not yet mapped beyond tier 1.',
  ]);
  pdf.keyValues([
    ['Supplier', 'Nguyễn Garments JSC'],
    ['Country', 'Viet Nam'],
    ['Rating', 'Critical (residual 82/100)'],
    ['Open findings', '4, of which 2 overdue'],
  ]);
  pdf.table({
    caption: 'Suppliers by residual risk',
    columns: [
      { header: '#', width: 28 },
      { header: 'Supplier' },
      { header: 'Country', width: 70 },
      { header: 'Rating', width: 60 },
      { header: 'Residual risk', width: 62 },
      { header: 'Note' },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      String(i + 1),
      `${SAMPLE_SUPPLIERS[i % SAMPLE_SUPPLIERS.length]} ${i + 1}`,
      ['Viet Nam', 'Poland', 'Türkiye', 'China', 'Brazil'][i % 5] ?? '',
      ['Critical', 'High', 'Medium', 'Low'][i % 4] ?? '',
      String(90 - (i % 60)),
      i % 7 === 0
        ? 'Evidence expired; a renewed social audit was requested from the supplier on 2 November.'
        : '',
    ]),
  });
  pdf.section('Long text');
  for (let i = 0; i < 6; i++) {
    pdf.paragraph(
      'Remediation follows the plan agreed with each supplier: a finding is opened for every gap, assigned, ' +
        'given a due date by its severity and closed only when another person has verified the evidence. '.repeat(
          4,
        ),
    );
  }
  pdf.pageBreak();
  pdf.section('After a page break', 2);
  pdf.paragraph('A short closing paragraph.', { muted: true });
  return pdf.end();
}

if (process.argv[1]?.endsWith('report-pdf-sample.ts')) {
  const { createWriteStream } = await import('node:fs');
  const out = process.argv[2] ?? '/tmp/sample.pdf';
  const { pdf, pageCount } = renderSampleReport();
  pdf.pipe(createWriteStream(out)).on('finish', () => console.log(`${out}: ${pageCount} pages`));
}
