import { UpcomingArea } from '../components/upcoming-area.js';

export function QuestionnairesPage() {
  return (
    <UpcomingArea
      title="Questionnaires"
      description="Due-diligence questions you send to suppliers, and the answers and evidence they return."
      lead="Questionnaires arrive in a later release. Suppliers will answer through a secure link, without needing an account."
      features={[
        'Versioned templates: a published version never changes, so every answer traces to the exact questions asked.',
        'Questions mapped to the ILO indicators of forced labour and to governance controls such as a recruitment-fee ban.',
        'Follow-up questions that appear only when an earlier answer calls for them.',
        'Evidence uploads with a SHA-256 fingerprint, and a review step before answers count towards a score.',
      ]}
    />
  );
}
