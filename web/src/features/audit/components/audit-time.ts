// Audit times always carry their zone: a trail read by auditors in other countries must not be ambiguous.
const withZone = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** "1 Mar 2025, 13:00:00 GMT+1" in the reader's zone; the title attribute carries the UTC ISO form. */
export const formatAuditTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : withZone.format(d);
};
