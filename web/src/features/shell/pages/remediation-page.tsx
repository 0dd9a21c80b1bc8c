import { UpcomingArea } from '../components/upcoming-area.js';

export function RemediationPage() {
  return (
    <UpcomingArea
      title="Remediation"
      description="Corrective actions raised from findings, followed through to verified closure."
      lead="Accepted questionnaires already open findings (listed on each supplier's page); turning them into tasks driven to verified closure arrives in a later release."
      features={[
        'A task per finding, with severity, owner, due date, and whether the supplier can see it.',
        'Closure only after verification by someone other than the person who submitted the fix.',
        'Risk acceptance reserved for administrators, with a recorded justification.',
        'Every change written to the tamper-evident audit trail.',
      ]}
    />
  );
}
