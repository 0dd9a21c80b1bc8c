import { randomUUID } from 'node:crypto';
import { addDays, utcDay } from '#shared/domain/questionnaires/schedule.js';
import type { TestContext } from '../../../../test/app.js';
import { userIdOf } from '../../../../test/factories.js';
import { publishSampleTemplate } from '../../../../test/questionnaires.js';
import { insertRatedSupplier } from '../../../../test/rated-suppliers.js';
import { findings, questionnaireAssignments } from '../../../db/schema/assignments.js';
import { policies } from '../../../db/schema/scoring.js';
import type { suppliers } from '../../../db/schema/suppliers.js';
import { remediationTasks } from '../../../db/schema/tasks.js';

// A small register with a history, written as the owner, for the portfolio report's tests: suppliers whose
// ratings moved before and after SINCE_DAYS ago, tasks closed on either side of it, open work and findings.
// Organisation B gets its own riskiest parts (named "Beta …"): none may show in A's report.

type Rating = 'low' | 'medium' | 'high' | 'critical';
const DAY = 86_400_000;

/** "Changes since" is asked from this many days ago. */
export const SINCE_DAYS = 30;
export const today = () => utcDay(new Date());
const ago = (days: number) => new Date(Date.now() - days * DAY);

export const seedPortfolio = async (t: TestContext, orgId: string, officerEmail: string, full: boolean) => {
  const officer = await t.login(officerEmail);
  const templateId = await publishSampleTemplate(officer);
  const userId = await userIdOf(t, officerEmail);
  const [policy] = await t.owner
    .insert(policies)
    .values({ orgId, name: 'Portfolio fixture', document: {} })
    .returning({ id: policies.id });
  const d = today();

  const supplier = (
    name: string,
    over: Partial<typeof suppliers.$inferInsert>,
    history: { rating: Rating; residual: number; daysAgo: number }[] = [],
  ) =>
    insertRatedSupplier(
      t,
      orgId,
      policy!.id,
      { name, ...over },
      history.map((h) => ({ rating: h.rating, residual: h.residual, at: ago(h.daysAgo) })),
    );
  const task = (
    supplierId: string,
    title: string,
    severity: Rating,
    status: 'open' | 'in_progress' | 'closed' | 'risk_accepted',
    due: string,
    closedDaysAgo?: number,
  ) =>
    t.owner.insert(remediationTasks).values({
      orgId,
      supplierId,
      title,
      severity,
      status,
      dueDate: due,
      createdBy: userId,
      createdAt: ago(60),
      ...(status === 'closed' ? { closedAt: ago(closedDaysAgo ?? 1), closedBy: userId } : {}),
      ...(status === 'risk_accepted'
        ? {
            riskAcceptanceJustification: 'Compensating audit',
            riskAcceptedUntil: addDays(d, 20),
            riskAcceptedBy: userId,
            riskAcceptedAt: ago(2),
          }
        : {}),
    });
  const finding = (supplierId: string, kind: 'red_flag' | 'criterion') =>
    t.owner.insert(findings).values({
      orgId,
      supplierId,
      assessmentId: randomUUID(),
      kind,
      key: 'identity_documents_retained',
      title: 'Identity documents retained',
      detail: 'x',
      severity: 'critical',
      citation: 'ILO',
      status: 'open',
    });

  if (!full) {
    const beta = await supplier('Beta Secret Mill', { country: 'IN', goods: ['cotton'], annualSpend: 777 }, [
      { rating: 'low', residual: 10, daysAgo: 100 },
      { rating: 'critical', residual: 99, daysAgo: 3 },
    ]);
    await task(beta, 'Beta hidden task', 'critical', 'closed', addDays(d, -2), 2);
    await task(beta, 'Beta open task', 'critical', 'open', addDays(d, -2));
    await finding(beta, 'red_flag');
    return;
  }

  // Became high after the day (was medium): a new high-risk supplier and a move up.
  const risen = await supplier(
    'Risen Mill',
    { goods: ['cotton', 'garments'], tags: ['apparel'], annualSpend: 1000 },
    [
      { rating: 'medium', residual: 40, daysAgo: 60 },
      { rating: 'high', residual: 66, daysAgo: 10 },
    ],
  );
  // New after the day and rated critical at once: a new high-risk supplier, not a move.
  const fresh = await supplier(
    'Fresh Critical Dyeing',
    { country: 'IN', goods: ['textiles'], annualSpend: 2500 },
    [{ rating: 'critical', residual: 88, daysAgo: 3 }],
  );
  // Critical on both sides of the day: neither new nor moved.
  const steady = await supplier(
    'Steady Critical Tannery',
    { goods: ['leather'], annualSpend: 4000, tier: 2 },
    [
      { rating: 'critical', residual: 80, daysAgo: 60 },
      { rating: 'critical', residual: 82, daysAgo: 5 },
    ],
  );
  // Became high before the day: neither new nor moved.
  await supplier('Old High Spinner', { goods: ['cotton'], tags: ['apparel'], annualSpend: 600 }, [
    { rating: 'low', residual: 15, daysAgo: 200 },
    { rating: 'high', residual: 60, daysAgo: 50 },
  ]);
  // High to low after the day: the largest move (two steps down).
  await supplier(
    'Improved Works',
    { country: 'VN', goods: ['garments'], currency: 'EUR', annualSpend: 900 },
    [
      { rating: 'high', residual: 70, daysAgo: 100 },
      { rating: 'low', residual: 20, daysAgo: 2 },
    ],
  );
  await supplier('Unassessed Trader', { country: 'VN', goods: ['buttons'] });

  await task(risen, 'Return passports to workers', 'critical', 'closed', addDays(d, -1), 5);
  await task(steady, 'Old wage audit', 'high', 'closed', addDays(d, -40), SINCE_DAYS + 10);
  await task(risen, 'Grievance channel', 'high', 'open', addDays(d, -3));
  await task(fresh, 'Recruitment fees policy', 'medium', 'in_progress', addDays(d, 10));
  await task(steady, 'Accepted overtime risk', 'low', 'risk_accepted', addDays(d, -30));
  await finding(risen, 'red_flag');
  await finding(fresh, 'criterion');

  await t.owner.insert(questionnaireAssignments).values([
    { orgId, supplierId: risen, templateId, status: 'sent', dueDate: addDays(d, -2) },
    { orgId, supplierId: fresh, templateId, status: 'in_progress', dueDate: addDays(d, 5) },
    {
      orgId,
      supplierId: steady,
      templateId,
      status: 'accepted',
      dueDate: addDays(d, -100),
      submittedAt: ago(90),
      acceptedAt: ago(89),
      acceptedBy: userId,
      validUntil: addDays(d, 200),
    },
  ]);
};
