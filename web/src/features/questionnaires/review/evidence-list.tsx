import { useState } from 'react';
import type { EvidenceFile } from '#shared/schemas/evidence.js';
import { Button } from '../../../components/ui/button.js';
import { formatBytes, shortHash } from '../../../lib/format.js';

/** A SHA-256 shown short, copied whole: what an auditor compares against the file they hold. */
function CopyHash({ hash, fileName }: { hash: string; fileName: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <span className="evidence-hash">
      <code className="hash" title={hash}>
        SHA-256 {shortHash(hash, 16)}…
      </code>
      <Button size="sm" variant="ghost" onClick={copy} aria-label={`Copy the SHA-256 of ${fileName}`}>
        {copied === 'done' ? 'Copied' : 'Copy'}
      </Button>
      {copied === 'failed' ? <span className="muted"> Select it: {hash}</span> : null}
    </span>
  );
}

/** The files the supplier attached to one answer: name, size, hash, and a download (always an attachment). */
export function EvidenceList({
  assignmentId,
  files,
}: {
  assignmentId: string;
  files: readonly EvidenceFile[];
}) {
  return (
    <ul className="evidence-list">
      {files.map((f) => (
        <li key={f.id} className="evidence-item">
          <a
            href={`/api/assignments/${encodeURIComponent(assignmentId)}/evidence/${encodeURIComponent(f.id)}`}
            download={f.fileName}
          >
            {f.fileName}
          </a>{' '}
          <span className="muted">({formatBytes(f.size)})</span>{' '}
          <CopyHash hash={f.sha256} fileName={f.fileName} />
        </li>
      ))}
    </ul>
  );
}
