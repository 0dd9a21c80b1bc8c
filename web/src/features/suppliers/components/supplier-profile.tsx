import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { formatDateTime, formatInteger, formatMoney, formatPercent } from '../../../lib/format.js';
import { useSupplier } from '../api.js';
import { countryLabel, STATUS_LABELS } from '../labels.js';

const unknown = <span className="muted">Not recorded</span>;

function ParentLink({ id }: { id: string }) {
  const parent = useSupplier(id);
  return <Link to={`/suppliers/${id}`}>{parent.data?.name ?? 'Parent supplier'}</Link>;
}

function List({ items, empty }: { items: readonly string[]; empty: ReactNode }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className="chip-list">
      {items.map((item) => (
        <li key={item} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** Every field of the register record, with unknowns said out loud. */
export function SupplierProfile({ supplier }: { supplier: Supplier }) {
  const share = (value: number | null) => (value === null ? unknown : formatPercent(value));
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 className="panel-title" id="profile-title">
        Profile
      </h2>
      <dl className="details details-compact">
        <dt>Legal name</dt>
        <dd>{supplier.legalName ?? unknown}</dd>
        <dt>External ref.</dt>
        <dd>{supplier.externalRef ? <code className="code">{supplier.externalRef}</code> : unknown}</dd>
        <dt>Country</dt>
        <dd>{countryLabel(supplier.country)}</dd>
        <dt>Goods</dt>
        <dd>
          <List items={supplier.goods} empty={unknown} />
        </dd>
        <dt>Sector</dt>
        <dd>{supplier.sector ?? unknown}</dd>
        <dt>Tier</dt>
        <dd>{supplier.tier === 1 ? '1 (direct supplier)' : supplier.tier}</dd>
        <dt>Parent</dt>
        <dd>
          {supplier.parentId ? <ParentLink id={supplier.parentId} /> : <span className="muted">None</span>}
        </dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[supplier.status]}</dd>
        <dt>Annual spend</dt>
        <dd>
          {supplier.annualSpend === null ? unknown : formatMoney(supplier.annualSpend, supplier.currency)}
        </dd>
        <dt>Headcount</dt>
        <dd>{supplier.headcount === null ? unknown : formatInteger(supplier.headcount)}</dd>
        <dt>Migrant workers</dt>
        <dd>{share(supplier.migrantWorkerShare)}</dd>
        <dt>Agency workers</dt>
        <dd>{share(supplier.agencyWorkerShare)}</dd>
        <dt>Tags</dt>
        <dd>
          <List items={supplier.tags} empty={<span className="muted">None</span>} />
        </dd>
        <dt>Added</dt>
        <dd>{formatDateTime(supplier.createdAt)}</dd>
        <dt>Last changed</dt>
        <dd>{formatDateTime(supplier.updatedAt)}</dd>
      </dl>
      <h3 className="subsection-title">Contacts</h3>
      {supplier.contacts.length === 0 ? (
        <p className="muted">No contacts recorded.</p>
      ) : (
        <ul className="contact-cards">
          {supplier.contacts.map((contact, index) => (
            // Contacts have no id of their own; their order is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="contact-card">
              <span className="cell-strong">{contact.name}</span>
              {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
              {contact.phone ? <span className="muted">{contact.phone}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
