import { describe, expect, it } from 'vitest';
import {
  addMonths,
  answersValidUntil,
  dueReminderSlot,
  nextRecurrence,
  nextReminderSlot,
  reminderSlots,
  scheduleWindow,
} from './schedule.js';

const schedule = {
  reminderDaysBefore: [1, 7, 3],
  overdueEveryDays: 7,
  overdueMaxReminders: 3,
  recurrenceLeadDays: 30,
};
const DUE = '2026-12-20';

describe('reminder slots', () => {
  it('lists the days before the due date, largest first, then weekly overdue slots up to the cap', () => {
    expect(reminderSlots(schedule, DUE, '2026-11-01')).toEqual([
      { slot: 'before_7', kind: 'due_soon', on: '2026-12-13' },
      { slot: 'before_3', kind: 'due_soon', on: '2026-12-17' },
      { slot: 'before_1', kind: 'due_soon', on: '2026-12-19' },
      { slot: 'overdue_1', kind: 'overdue', on: '2026-12-21' },
      { slot: 'overdue_2', kind: 'overdue', on: '2026-12-28' },
      { slot: 'overdue_3', kind: 'overdue', on: '2027-01-04' },
    ]);
  });

  it('drops slots on or before the day the questionnaire was sent', () => {
    expect(reminderSlots(schedule, DUE, '2026-12-17').map((s) => s.slot)).toEqual([
      'before_1',
      'overdue_1',
      'overdue_2',
      'overdue_3',
    ]);
  });

  it.each([
    ['2026-12-12', undefined, 'before_7'],
    ['2026-12-13', 'before_7', 'before_3'],
    ['2026-12-16', 'before_7', 'before_3'],
    ['2026-12-19', 'before_1', 'overdue_1'],
    ['2026-12-20', 'before_1', 'overdue_1'],
    ['2026-12-21', 'overdue_1', 'overdue_2'],
    ['2027-01-03', 'overdue_2', 'overdue_3'],
    ['2027-01-04', 'overdue_3', undefined],
    // After the cap: the last slot stays the due one (already sent), nothing comes next.
    ['2027-03-01', 'overdue_3', undefined],
  ])('on %s the due slot is %s and the next %s', (today, due, next) => {
    expect(dueReminderSlot(schedule, DUE, '2026-11-01', today)?.slot).toBe(due);
    expect(nextReminderSlot(schedule, DUE, '2026-11-01', today)?.slot).toBe(next);
  });

  it('has no overdue slots with a cap of 0, and scans a window as wide as its slots', () => {
    const none = { ...schedule, overdueMaxReminders: 0 };
    expect(reminderSlots(none, DUE, '2026-11-01').map((s) => s.kind)).not.toContain('overdue');
    expect(scheduleWindow(schedule)).toEqual({ daysBefore: 7, daysAfter: 15 });
    expect(scheduleWindow(none)).toEqual({ daysBefore: 7, daysAfter: 1 });
  });
});

describe('recurrence and validity', () => {
  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(answersValidUntil('2026-11-30', 12)).toBe('2027-11-30');
  });

  it('is due again when the answers expire, or an interval after the previous due date', () => {
    const previous = { dueDate: '2026-12-20', validUntil: '2027-12-05' };
    expect(nextRecurrence({ kind: 'on_expiry' }, previous, 30)).toEqual({
      dueDate: '2027-12-05',
      sendOn: '2027-11-05',
    });
    expect(nextRecurrence({ kind: 'every_months', months: 6 }, previous, 14)).toEqual({
      dueDate: '2027-06-20',
      sendOn: '2027-06-06',
    });
  });
});
