import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import type { Assessment } from '#shared/schemas/assessments.js';
import type { Supplier } from '#shared/schemas/suppliers.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeAssessment, makeSupplier, profileOf } from '../../../../test/supplier-fixtures.js';
import { makeTask, taskPage } from '../../../../test/task-fixtures.js';

const base = makeSupplier({
  name: 'Ashgabat Cotton Gin',
  country: 'TM',
  goods: ['Cotton', 'widgets'],
  tier: 2,
  migrantWorkerShare: 30,
  agencyWorkerShare: null,
  contacts: [{ name: 'Aman Berdiyev', email: 'aman@gin.example' }],
});
const child = makeSupplier({ name: 'Mary Spinning Mill', country: 'TM', tier: 3, parentId: base.id });
const older = makeAssessment(base.id, profileOf(base), [], {
  createdAt: '2024-06-01T10:00:00.000Z',
  trigger: 'seed',
});
const current = makeAssessment(base.id, profileOf(base), [
  {
    questionId: 'q-passports',
    criterionKey: 'retention_of_identity_documents',
    answerLabel: 'Employer keeps passports',
    pointsEarned: 0,
    maxPoints: 10,
    evidenceBacked: false,
    redFlag: 'identity_documents_retained',
  },
]);
const supplier: Supplier = {
  ...base,
  risk: {
    assessmentId: current.id,
    rating: current.rating,
    inherentScore: current.inherentScore,
    residualScore: current.residualScore,
    assessedAt: current.createdAt,
    policyVersion: 1,
  },
};

const routesFor = (role: Role, assessments: Assessment[] = [current, older]) => ({
  'GET /api/me': () => json(200, makeSession(role)),
  [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
  [`GET /api/suppliers/${supplier.id}/assessments`]: () =>
    json(200, { items: assessments, total: assessments.length, limit: 20, offset: 0 }),
  [`GET /api/suppliers/${supplier.id}/tree`]: () =>
    json(200, {
      id: supplier.id,
      name: supplier.name,
      country: 'TM',
      tier: 2,
      rating: current.rating,
      moreBelow: false,
      children: [
        {
          id: child.id,
          name: child.name,
          country: 'TM',
          tier: 3,
          rating: null,
          moreBelow: true,
          children: [],
        },
      ],
    }),
});

describe('SupplierDetailPage', () => {
  it('shows an executive the risk and its sources, but no way to change anything', async () => {
    mockFetch(routesFor('executive'));
    renderApp(`/suppliers/${supplier.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ashgabat Cotton Gin' })).toBeTruthy();
    const risk = await screen.findByRole('region', { name: 'Current risk' });
    expect(within(risk).getAllByText('Critical').length).toBeGreaterThan(0);
    // Each factor with its points, the datum and the edition of the dataset it cites.
    const breakdown = within(risk).getByRole('table', { name: 'Inherent risk, factor by factor' });
    const tip = within(breakdown).getByRole('row', { name: /US TIP report tier/ });
    expect(within(tip).getByText('Turkmenistan: Tier 2 Watch List (TIP 2025)')).toBeTruthy();
    // The dataset by title and edition, never its code.
    expect(within(tip).getByText(/US State Department Trafficking in Persons Report 2025/)).toBeTruthy();
    expect(within(risk).queryByText(/us-tip-2025/)).toBeNull();
    expect(
      within(breakdown).getByText(
        'Cotton from Turkmenistan: listed for forced labour and child labour (ILAB 2022)',
      ),
    ).toBeTruthy();
    expect(within(risk).getByText('Identity documents retained')).toBeTruthy();
    const gaps = within(risk).getByRole('region', { name: 'Data gaps' });
    expect(within(gaps).getByText('ILAB 2022 has no entry for "widgets"; risk unknown')).toBeTruthy();
    expect(within(gaps).getByText('Share of agency workers not recorded; counted as unknown')).toBeTruthy();

    expect(screen.getByRole('link', { name: 'Mary Spinning Mill' }).getAttribute('href')).toBe(
      `/suppliers/${child.id}`,
    );
    // The tree reached its depth bound at the child: it says so and links to the rest.
    expect(screen.getByText(/More levels below Mary Spinning Mill are not shown here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'show them' }).getAttribute('href')).toBe(
      `/suppliers/${child.id}`,
    );
    expect(screen.getByRole('table', { name: 'Assessments of this supplier, newest first' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Residual score over the last 2 assessments/ })).toBeTruthy();

    expect(screen.queryByRole('button', { name: 'Assess now' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Add a sub-supplier' })).toBeNull();
  }, 15_000);

  it('lets an officer assess the supplier now', async () => {
    const { find } = mockFetch({
      ...routesFor('officer'),
      [`POST /api/suppliers/${supplier.id}/assess`]: () => json(201, { ...current, id: older.id }),
    });
    const { user } = renderApp(`/suppliers/${supplier.id}`);

    expect(await screen.findByRole('link', { name: 'Edit' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Assess now' }));

    expect(await screen.findByText(/Assessed now: Critical, residual score/)).toBeTruthy();
    const [request] = find('POST', `/api/suppliers/${supplier.id}/assess`);
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-token-123');
    await waitFor(() =>
      expect(find('GET', `/api/suppliers/${supplier.id}/assessments`).length).toBeGreaterThan(1),
    );
  });

  it('archives only after confirmation', async () => {
    let stored = supplier;
    const { find } = mockFetch({
      ...routesFor('admin'),
      [`GET /api/suppliers/${supplier.id}`]: () => json(200, stored),
      [`DELETE /api/suppliers/${supplier.id}`]: () => {
        stored = { ...supplier, archivedAt: '2025-07-01T00:00:00.000Z' };
        return json(200, stored);
      },
    });
    const { user } = renderApp(`/suppliers/${supplier.id}`);

    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Archive Ashgabat Cotton Gin?' });
    expect(find('DELETE', `/api/suppliers/${supplier.id}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Archive' }));

    expect(await screen.findByText(/^Archived on/)).toBeTruthy();
    expect(find('DELETE', `/api/suppliers/${supplier.id}`)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Assess now' })).toBeNull();
  });

  it('lists the supplier’s tasks, open first, and makes a task from an open finding', async () => {
    const closedTask = makeTask({ supplierId: supplier.id, title: 'Publish wage slips', status: 'closed' });
    const openTask = makeTask({ supplierId: supplier.id, title: 'Return passports', overdue: true });
    const { find } = mockFetch({
      ...routesFor('officer'),
      'GET /api/tasks': () => json(200, taskPage([closedTask, openTask])),
      [`GET /api/suppliers/${supplier.id}/findings`]: () =>
        json(200, {
          items: [
            {
              id: '66666666-6666-4666-8666-000000000001',
              supplierId: supplier.id,
              assignmentId: null,
              assessmentId: current.id,
              kind: 'red_flag',
              key: 'identity_documents_retained',
              title: 'Identity documents retained',
              detail: 'The employer keeps passports.',
              severity: 'critical',
              questionId: null,
              citation: 'ILO indicator 6',
              status: 'open',
              createdAt: '2026-11-01T09:00:00.000Z',
            },
          ],
        }),
    });
    renderApp(`/suppliers/${supplier.id}`);

    const panel = await screen.findByRole('region', { name: /^Remediation tasks \(1 open of 2\)/ });
    const links = within(panel)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links.slice(0, 2)).toEqual(['Return passports', 'Publish wage slips']);
    expect(within(panel).getByRole('link', { name: 'Open on the board' }).getAttribute('href')).toBe(
      `/remediation?supplierId=${supplier.id}`,
    );
    expect(find('GET', '/api/tasks')[0]?.query.get('supplierId')).toBe(supplier.id);
    const create = await screen.findByRole('link', { name: 'Create task for “Identity documents retained”' });
    expect(create.getAttribute('href')).toBe(
      `/remediation/new?supplierId=${supplier.id}&findingId=66666666-6666-4666-8666-000000000001`,
    );
  }, 15_000);
});
