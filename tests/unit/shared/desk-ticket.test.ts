import { describe, expect, it } from 'vitest';
import { isOpenTicket, isSendableTicket, type TicketLike } from '../../../src/shared/desk-ticket';
import { visitLine } from '../../../src/cli/commands/visits';
import { sampleVisit } from '../../../src/sim/sample-visits';

const nobody = { idNumber: '', fullName: '', cardNumber: null };
const ticket = (over: Partial<TicketLike> = {}): TicketLike => ({
  status: 'active',
  department: 'TD',
  patient: nobody,
  ...over,
});

describe('reception-desk tickets: one rule for the desk and the command line', () => {
  it('a ticket nobody is on yet is open; a purged visit of a clinic is not', () => {
    expect(isOpenTicket(ticket(), 'TD')).toBe(true);
    expect(isOpenTicket(ticket({ department: 'KHAM' }), 'TD')).toBe(false);
    expect(isOpenTicket(ticket({ status: 'cancelled' }), 'TD')).toBe(false);
    expect(isOpenTicket(ticket({ patient: { ...nobody, idNumber: '001085012345' } }), 'TD')).toBe(
      false,
    );
    expect(isOpenTicket(ticket(), undefined)).toBe(false);
  });

  it('only a completed ticket still waiting at the reception desk may be sent on', () => {
    const done = { ...nobody, fullName: 'Nguyễn Văn An' };
    expect(isSendableTicket(ticket({ patient: done }), 'TD')).toBe(true);
    expect(isSendableTicket(ticket(), 'TD')).toBe(false);
    expect(isSendableTicket(ticket({ patient: done, progress: { state: 'called' } }), 'TD')).toBe(
      false,
    );
    expect(isSendableTicket(ticket({ patient: done, department: 'KHAM' }), 'TD')).toBe(false);
  });

  it("the CLI's line tells a ticket waiting for its identity from a purged visit", () => {
    const v = sampleVisit(1);
    const blank = { ...v.patient, idNumber: '', fullName: '', cardNumber: null };
    const open = { ...v, department: 'TD', patient: blank };
    expect(visitLine(open, 'TD')).toContain('(desk ticket, no identity yet)');
    const typed = { ...open, patient: { ...blank, cardNumber: 'DN4010123456789' } };
    expect(visitLine(typed, 'TD')).toContain('(desk ticket, no identity yet)');
    expect(visitLine({ ...v, patient: blank }, 'TD')).toContain('(purged)');
  });
});
