import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/schemas/assignments.js';
import { json, mockFetch } from '../../../../test/fetch-mock.js';
import { makeSession, makeUser, pageOf } from '../../../../test/fixtures.js';
import { renderApp } from '../../../../test/render.js';
import { makeSupplier } from '../../../../test/supplier-fixtures.js';
import { makeTaskDetail } from '../../../../test/task-fixtures.js';

const owner = makeUser({ name: 'Olu Officer', role: 'officer' });
const supplier = makeSupplier({ name: 'Dhaka Knitwear Ltd' });
const finding: Finding = {
  id: '66666666-6666-4666-8666-000000000001',
  supplierId: supplier.id,
  assignmentId: null,
  assessmentId: '66666666-6666-4666-8666-000000000002',
  kind: 'red_flag',
  key: 'identity_documents_retained',
  title: 'Identity documents retained',
  detail: 'The employer keeps workers’ passports.',
  severity: 'critical',
  questionId: null,
  citation: 'ILO indicator 6',
  status: 'open',
  createdAt: '2026-11-01T09:00:00.000Z',
};
const created = makeTaskDetail({ title: 'Identity documents retained' });

const routes = {
  'GET /api/me': () => json(200, makeSession('officer')),
  'GET /api/users': () => json(200, pageOf([owner])),
  [`GET /api/suppliers/${supplier.id}`]: () => json(200, supplier),
  'GET /api/suppliers': () => json(200, pageOf([supplier])),
  [`GET /api/suppliers/${supplier.id}/findings`]: () => json(200, { items: [finding] }),
  'POST /api/tasks': () => json(201, created),
  [`GET /api/tasks/${created.id}`]: () => json(200, created),
};

describe('TaskNewPage', () => {
  it('shows each missing field’s message from the shared schema, then creates the task', async () => {
    const { find } = mockFetch(routes);
    const { user, router } = renderApp(`/remediation/new?supplierId=${supplier.id}`);

    await user.click(await screen.findByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Title is required')).toBeTruthy();
    expect(screen.getByText('Choose a severity')).toBeTruthy();
    expect(screen.getByText('Choose a due date')).toBeTruthy();
    expect(find('POST', '/api/tasks')).toHaveLength(0);

    await user.type(screen.getByLabelText('Title'), 'Return workers’ passports');
    await user.selectOptions(screen.getByLabelText('Severity'), 'High');
    await user.selectOptions(screen.getByLabelText('Owner (optional)'), 'Olu Officer');
    await user.type(screen.getByLabelText('Due date'), '2099-01-31');
    await user.click(screen.getByRole('checkbox', { name: /Share with the supplier/ }));
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/remediation/${created.id}`));
    expect(find('POST', '/api/tasks')[0]?.body).toEqual({
      supplierId: supplier.id,
      title: 'Return workers’ passports',
      severity: 'high',
      ownerId: owner.id,
      dueDate: '2099-01-31',
      supplierVisible: true,
    });
  }, 30_000);

  it('makes a task from a finding, sending only what the finding does not decide', async () => {
    const { find } = mockFetch(routes);
    const { user, router } = renderApp(`/remediation/new?supplierId=${supplier.id}&findingId=${finding.id}`);

    expect(await screen.findByText('Identity documents retained')).toBeTruthy();
    expect(screen.queryByLabelText('Severity')).toBeNull();
    expect(screen.getByText(/a due date 14 days from today/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/remediation/${created.id}`));
    expect(find('POST', '/api/tasks')[0]?.body).toEqual({
      findingId: finding.id,
      ownerId: null,
      supplierVisible: false,
    });
  }, 20_000);
});
