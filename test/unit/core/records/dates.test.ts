import * as assert from 'node:assert/strict';
import { addWorkingDays, isoOf, isWorkingDay, workingDaysBetween } from '../../../../server/src/core/records/dates';

describe('record dates and working days', () => {
  it('reads 2026-01-10 and 2026年1月10日 as the same day, and nothing else', () => {
    assert.equal(isoOf('2026-01-10'), '2026-01-10');
    assert.equal(isoOf('2026年1月10日'), '2026-01-10');
    assert.equal(isoOf('2026-02-30'), null);
    assert.equal(isoOf('待定'), null);
    assert.equal(isoOf(20260110), null);
  });

  it('skips weekends: five working days after a Thursday end on the next Thursday', () => {
    // 2025-06-12 is a Thursday.
    assert.equal(addWorkingDays('2025-06-12', 5), '2025-06-19');
    assert.equal(workingDaysBetween('2025-06-12', '2025-06-16'), 2);
    assert.equal(workingDaysBetween('2025-06-12', '2025-06-12'), 0);
    assert.equal(workingDaysBetween('2025-06-12', '2025-06-10'), 0);
  });

  it('skips the configured public holidays and counts the worked weekend days', () => {
    const calendar = { holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] };
    assert.equal(isWorkingDay('2025-10-01', calendar), false);
    assert.equal(isWorkingDay('2025-09-28', calendar), true);
    // Signed Friday 2025-09-26: Sun 28 (worked), Mon 29, Tue 30, then the holiday, Thu 9, Fri 10.
    assert.equal(addWorkingDays('2025-09-26', 5, calendar), '2025-10-10');
    assert.equal(workingDaysBetween('2025-09-26', '2025-10-10', calendar), 5);
    // Saturday 2025-10-11 is worked: the sixth working day.
    assert.equal(workingDaysBetween('2025-09-26', '2025-10-11', calendar), 6);
  });

  it('stays bounded on far-apart dates', () => {
    assert.ok(workingDaysBetween('1900-01-01', '2999-01-01') <= 3660);
  });
});
