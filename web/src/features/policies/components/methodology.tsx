import { DEFAULT_POLICY } from '#shared/domain/scoring/default-policy.js';
import { METHODOLOGY_MARKDOWN } from '#shared/domain/scoring/methodology.js';
import type { PolicyDocument } from '#shared/schemas/policy.js';
import { Markdown } from '../lib/markdown.js';
import { diffPolicies } from '../lib/policy-diff.js';

/** True when the policy scores like the default one (its name and description aside). */
const scoresLikeDefault = (doc: PolicyDocument) =>
  diffPolicies(DEFAULT_POLICY, doc).every(
    (change) => change.path[0] === 'name' || change.path[0] === 'description',
  );

/** The methodology text, folded away by default: it is long, and the tables above are what a reader scans. */
export function Methodology({ doc }: { doc: PolicyDocument }) {
  return (
    <details className="disclosure methodology">
      <summary>How Clearsource scores forced-labour risk (methodology)</summary>
      {scoresLikeDefault(doc) ? null : (
        <p className="alert alert-info">
          The methodology explains the default policy. This policy's numbers differ; where they do, the tables
          above are what the engine uses.
        </p>
      )}
      <Markdown text={METHODOLOGY_MARKDOWN} headingOffset={2} />
    </details>
  );
}
