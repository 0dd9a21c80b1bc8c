import type { UseFormSetError } from 'react-hook-form';
import type { PolicyDocumentInput } from '#shared/schemas/policy.js';
import { isApiError } from '../../../lib/api-client.js';
import { describePath, type PolicyPath, parseIssuePath } from './policy-paths.js';

/** Every place the edit form shows a box (or a list-level message) for; other issues go to the summary. */
const SHOWN = [
  /^(name|description|reassessmentMonths)$/,
  /^ratingBands\.(medium|high|critical)$/,
  /^inherent\.tip\.(points\.(1|2|2WL|3|special_case)|unknownPoints|citation)$/,
  /^inherent\.(gsi|migrantShare|agencyShare)\.(unknownPoints|citation)$/,
  /^inherent\.(gsi|migrantShare|agencyShare|supplierTier)\.bands(\.\d+\.(from|points))?$/,
  /^inherent\.supplierTier\.citation$/,
  /^inherent\.goods\.([a-zA-Z]+Points|citation)$/,
  /^criteria(\.\d+\.weight)?$/,
  /^redFlags\.\d+\.minRating$/,
  /^residual\.maxReduction$/,
  /^evidenceWeighting\.(selfDeclared|evidenceBacked)$/,
  /^confidence\.(referenceDataWeight|answersWeight)$/,
  /^answerValidityMonths$/,
  /^questionnaireSchedule\.(reminderDaysBefore(\.\d+)?|overdueEveryDays|overdueMaxReminders|recurrenceLeadDays)$/,
];

const isShown = (name: string) => SHOWN.some((pattern) => pattern.test(name));

/**
 * Puts the server's validation issues ("document.ratingBands.high") on the form's boxes and returns the
 * message for the form-level alert: null when every issue found its box, else the server's message with
 * the issues that did not, in words.
 */
export function applyPolicyIssues(
  error: unknown,
  setError: UseFormSetError<PolicyDocumentInput>,
  values: PolicyDocumentInput,
): string | null {
  if (!isApiError(error)) return 'Something went wrong. Try again in a moment.';
  const unplaced: string[] = [];
  let placed = 0;
  for (const issue of error.issues) {
    const path = parseIssuePath(issue.path);
    const name = path.join('.');
    if (path.length > 0 && isShown(name)) {
      setError(name as PolicyPath, { type: 'server', message: issue.message }, { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      unplaced.push(path.length > 0 ? `${describePath(path, [values])}: ${issue.message}` : issue.message);
    }
  }
  if (placed > 0 && unplaced.length === 0) return null;
  return [error.message, ...unplaced].join(' ');
}
