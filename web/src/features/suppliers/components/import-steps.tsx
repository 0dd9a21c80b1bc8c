const STEPS = ['Choose a file', 'Review', 'Import'] as const;

/** Where the person is in the import: 1, 2 or 3. */
export function ImportSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <ol className="steps" aria-label="Import steps">
      {STEPS.map((label, index) => {
        const step = index + 1;
        const state = step < current ? 'done' : step === current ? 'current' : 'todo';
        return (
          <li
            key={label}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {state === 'done' ? '✓' : step}
            </span>
            {label}
            {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
