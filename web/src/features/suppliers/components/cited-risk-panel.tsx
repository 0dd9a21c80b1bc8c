import { useAnswerSources } from './answer-sources.js';
import { RiskPanel, type RiskPanelProps } from './risk-panel.js';

/** The risk panel citing, for each scored answer and red flag, the question and answer behind it. */
export function CitedRiskPanel(props: Omit<RiskPanelProps, 'sources'>) {
  const sources = useAnswerSources(props.assessment);
  return <RiskPanel {...props} sources={sources} />;
}
