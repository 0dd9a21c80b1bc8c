import type { ReactNode } from 'react';
import '../auth.css';

/** The frame of the pages reached without a session: sign in, forgotten password, password links. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login-layout">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Clearsource
        </div>
        <h1 className="login-title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
