import * as assert from 'node:assert/strict';
import { acceptedShapes, dateInOtherShape } from '../../../../server/src/core/fixes/dateShape';

describe('dates written another way', () => {
  it('reads 2026/1/10, 2026.01.10, 2026-1-10, 2026年1月10号 and full-width digits as the same day', () => {
    for (const written of ['2026/1/10', '2026.01.10', '2026-1-10', '2026年1月10号', '２０２６/１/１０', '2026 / 1 / 10']) {
      assert.deepEqual(dateInOtherShape(written), { year: 2026, month: 1, day: 10 }, written);
    }
  });

  it('reads no day that the calendar does not have, and nothing that is not a date', () => {
    for (const written of ['2026/2/30', '2026/13/1', '待定', '2026年1月', '1/10/2026', '', '2026年1月10日以前']) assert.equal(dateInOtherShape(written), null, written);
  });

  it('gives the day in the two accepted shapes, 年月日 first', () => {
    assert.deepEqual(acceptedShapes({ year: 2026, month: 1, day: 10 }), ['2026年1月10日', '2026-01-10']);
  });
});
