import { useState } from 'react';
import { shortHash } from '../../../lib/format.js';

/**
 * A SHA-256 shortened to compare by eye, the whole value in its title and in a copy button's clipboard: an
 * auditor pastes it next to the one of the file they hold (`sha256sum report.pdf`).
 */
export function HashCopy({ hash, name }: { hash: string; name: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(hash);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="hash-copy">
      <code className="code-inline" title={hash}>
        {shortHash(hash, 10)}…
      </code>
      <button type="button" className="link-button" onClick={copy} aria-label={`Copy the SHA-256 of ${name}`}>
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'SHA-256 copied to the clipboard.' : null}
        {state === 'failed' ? `Copying is not available here. The SHA-256 is ${hash}.` : null}
      </span>
    </span>
  );
}
