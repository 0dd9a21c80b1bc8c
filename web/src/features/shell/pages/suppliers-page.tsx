import { UpcomingArea } from '../components/upcoming-area.js';

export function SuppliersPage() {
  return (
    <UpcomingArea
      title="Suppliers"
      description="The register of the companies and production sites in your supply chain."
      lead="The supplier register arrives in the next release: import suppliers from CSV, see inherent risk from TIP tiers, the Global Slavery Index and the ILAB goods list."
      features={[
        'One record per production site, because risk follows where the work happens, not the head office.',
        'Multi-tier map: direct suppliers and the sub-suppliers behind them.',
        'Workforce facts that drive risk: headcount, share of migrant and agency workers.',
        'Idempotent CSV import keyed on your own supplier reference.',
      ]}
    />
  );
}
