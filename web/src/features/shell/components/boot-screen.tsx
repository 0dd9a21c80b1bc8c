/** What shows while the session, or the first page's code, is still loading. */
export function BootScreen() {
  return (
    <div className="boot-screen" role="status">
      <span className="spinner" aria-hidden="true" /> Loading Clearsource…
    </div>
  );
}
