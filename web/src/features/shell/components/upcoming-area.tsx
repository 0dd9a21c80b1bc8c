import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/ui/empty-state.js';
import { PageHeader } from '../../../components/ui/page-header.js';

export interface UpcomingAreaProps {
  title: string;
  description: string;
  /** One sentence on what arrives and when. */
  lead: string;
  /** What the area will hold, in the words a compliance team uses. */
  features: readonly string[];
  children?: ReactNode;
}

/** An honest placeholder for an area that is not built yet: what it will hold, and no invented numbers. */
export function UpcomingArea({ title, description, lead, features, children }: UpcomingAreaProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Not available yet">
        <p>{lead}</p>
        <ul className="feature-list">
          {features.map((feature) => (
            <li key={feature}>{feature}</li>
          ))}
        </ul>
      </EmptyState>
      {children}
    </>
  );
}
