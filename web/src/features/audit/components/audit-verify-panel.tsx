import type { AuditVerify } from '#shared/schemas/audit-anchors.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { shortHash } from '../../../lib/format.js';
import { useDownloadCheckpoints, useVerifyAudit } from '../api.js';
import { formatAuditTime } from './audit-time.js';

function VerifyResult({ result }: { result: AuditVerify }) {
  const { checkpoints: cps, head, personalValues: pv } = result;
  const latest = cps.latest;
  const facts = (
    <ul className="audit-verify-facts">
      <li>
        {result.checked} events checked
        {head ? (
          <>
            , up to #{head.seq} (hash <code className="code">{shortHash(head.hash)}</code>,{' '}
            {formatAuditTime(head.createdAt)})
          </>
        ) : null}
        .
      </li>
      <li>
        {cps.matched} of {cps.total} signed checkpoints hold
        {latest
          ? `; the latest, recorded ${formatAuditTime(latest.createdAt)}, vouches for events up to #${latest.seq}`
          : ''}
        .
      </li>
      <li>
        {pv.checked} personal values match their digests; {pv.erased} erased on request.
      </li>
    </ul>
  );
  if (result.ok) {
    return (
      <Alert tone="success" title="The chain is intact">
        {facts}
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The chain does not verify">
      <ul className="audit-verify-problems">
        {result.firstBroken ? (
          <li>
            First broken link at event #{result.firstBroken.seq}: {result.firstBroken.reason}.
          </li>
        ) : null}
        {result.missingTail ? (
          <li>
            Events are missing from the end: the chain ends at #{result.missingTail.chainEndsAt} but
            checkpoint #{result.missingTail.checkpointSeq} was recorded at{' '}
            {formatAuditTime(result.missingTail.recordedAt)}.
          </li>
        ) : null}
        {cps.problems
          .filter((p) => !result.missingTail || p.seq <= result.missingTail.chainEndsAt)
          .map((p) => (
            <li key={`${p.seq}-${p.reason}`}>{p.reason}</li>
          ))}
        {pv.mismatched.map((m) => (
          <li key={`${m.seq}-${m.path}`}>
            Event #{m.seq}: the kept value at {m.path} no longer matches its digest.
          </li>
        ))}
      </ul>
      {facts}
    </Alert>
  );
}

/** "Verify chain" for officers and admins; admins also download the signed checkpoints to keep elsewhere. */
export function AuditVerifyPanel({ isAdmin }: { isAdmin: boolean }) {
  const verify = useVerifyAudit();
  const download = useDownloadCheckpoints();
  return (
    <section className="audit-verify" aria-label="Chain verification">
      <div className="audit-verify-actions">
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </Button>
        {isAdmin ? (
          <Button onClick={() => download.mutate()} disabled={download.isPending}>
            Download checkpoints
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {verify.data ? <VerifyResult result={verify.data} /> : null}
        {verify.isError ? (
          <Alert tone="error" title="The chain could not be verified">
            {describeError(verify.error)}
          </Alert>
        ) : null}
        {download.isError ? (
          <Alert tone="error" title="The checkpoints could not be downloaded">
            {describeError(download.error)}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
