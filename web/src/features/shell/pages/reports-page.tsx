import { UpcomingArea } from '../components/upcoming-area.js';

export function ReportsPage() {
  return (
    <UpcomingArea
      title="Reports"
      description="Evidence for auditors, boards and regulators, generated from your live data."
      lead="Reports arrive once suppliers have been assessed; until then there is nothing truthful to report."
      features={[
        'Supplier assessment report with the full scoring breakdown and its data sources.',
        'Portfolio risk report for executives and boards.',
        'Modern-slavery statement draft mapped to UK MSA s.54(5), Australia MSA s.16(1) and Canada S-211 s.11(3), with gaps called out.',
        'A register of issued PDFs with their SHA-256, so anyone holding a copy can check it is genuine.',
      ]}
    />
  );
}
