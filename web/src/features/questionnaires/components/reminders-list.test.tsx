import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeAssignment } from '../../../../test/assignment-fixtures.js';
import { RemindersList, RemindersSummary } from './reminders-list.js';

describe('RemindersList', () => {
  it('lists reminders newest first, says which could not be e-mailed, the next one and the recurrence', () => {
    const a = makeAssignment({
      recurrence: { kind: 'every_months', months: 12 },
      reminders: {
        sent: [
          {
            slot: 'overdue_1',
            kind: 'overdue',
            slotDate: '2026-12-02',
            delivery: 'no_email',
            recipient: null,
            mailStatus: null,
            createdAt: '2026-12-02T06:00:00.000Z',
          },
          {
            slot: 'before_7',
            kind: 'due_soon',
            slotDate: '2026-11-24',
            delivery: 'email',
            recipient: 'ops@porto.example',
            mailStatus: 'sent',
            createdAt: '2026-11-24T06:00:00.000Z',
          },
        ],
        next: { slot: 'overdue_2', kind: 'overdue', on: '2026-12-09' },
      },
    });
    render(<RemindersList assignment={a} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^Overdue reminder due .*no e-mail on file, pass it on/);
    expect(items[1]).toMatch(/^Due-soon reminder e-mailed to ops@porto\.example on /);
    expect(screen.getByText('A reminder could not be e-mailed')).toBeTruthy();
    expect(screen.getByText(/^Next: overdue reminder on /)).toBeTruthy();
    expect(screen.getByText('Sent again automatically every 12 months.')).toBeTruthy();
  });

  it('says when none was sent and none is planned', () => {
    render(<RemindersList assignment={makeAssignment({ reminders: { sent: [], next: null } })} />);
    expect(screen.getByText('No reminder sent yet.')).toBeTruthy();
    expect(screen.getByText('No further reminder planned.')).toBeTruthy();
  });
});

describe('RemindersSummary (the list, under the due date)', () => {
  const reminder = (slot: string, delivery: 'email' | 'no_email') => ({
    slot,
    kind: 'due_soon' as const,
    slotDate: '2026-11-24',
    delivery,
    recipient: delivery === 'email' ? 'ops@porto.example' : null,
    mailStatus: delivery === 'email' ? ('sent' as const) : null,
    createdAt: '2026-11-24T06:00:00.000Z',
  });

  it('counts the reminders e-mailed apart from those that could not be, and names the next', () => {
    const { container } = render(
      <RemindersSummary
        reminders={{
          sent: [
            reminder('before_3', 'no_email'),
            reminder('before_7', 'email'),
            reminder('before_14', 'email'),
          ],
          next: { slot: 'before_1', kind: 'due_soon', on: '2026-11-30' },
        }}
      />,
    );
    const lines = [...container.querySelectorAll('.cell-sub')].map((el) => el.textContent);
    expect(lines).toEqual([
      '2 reminders sent',
      '1 reminder not e-mailed',
      expect.stringMatching(/^next reminder /),
    ]);
  });

  it('says nothing when none was sent and none is planned', () => {
    const { container } = render(<RemindersSummary reminders={{ sent: [], next: null }} />);
    expect(container.textContent).toBe('');
  });
});
