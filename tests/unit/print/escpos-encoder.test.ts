import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { toAscii, wrap } from '../../../src/main/print/escpos/ascii-text';
import { parsePaperStatus } from '../../../src/main/print/escpos/commands';
import { encodeSlip } from '../../../src/main/print/escpos/encode-slip';
import { PAPERS, type PaperId } from '../../../src/main/print/paper';
import { buildSlipModel } from '../../../src/main/print/slip-model';
import { decodeEscpos } from '../../support/print/escpos-decoder';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';

const config = parseConfig({ printer: { timeZone: 'Asia/Ho_Chi_Minh' } }, 'test-config.json');

function encoded(index: number, paper: PaperId = '80mm', opts = {}) {
  const visit = sampleVisit(index, opts);
  const bytes = encodeSlip(buildSlipModel(visit, config, { logoDataUrl: null }), PAPERS[paper]);
  return { visit, bytes, job: decodeEscpos(bytes) };
}

describe('Vietnamese on ESC/POS', () => {
  it('prints without diacritics, Đ as D', () => {
    expect(toAscii('Tôn Nữ Hoàng Ngọc Khuê Nguyễn Thị Huỳnh Phương')).toBe(
      'Ton Nu Hoang Ngoc Khue Nguyen Thi Huynh Phuong',
    );
    expect(toAscii('Đặng Quốc Phong · Đi thẳng, rẽ trái')).toBe(
      'Dang Quoc Phong - Di thang, re trai',
    );
    expect(toAscii('DN40•••••••6781')).toBe('DN40*******6781');
    expect(toAscii('漢')).toBe('?');
  });

  it('wraps at the column count, splitting words longer than a line', () => {
    expect(wrap('Tôn Nữ Hoàng Ngọc Khuê', 10)).toEqual(['Tôn Nữ', 'Hoàng Ngọc', 'Khuê']);
    expect(wrap('ABCDEFGHIJKL', 5)).toEqual(['ABCDE', 'FGHIJ', 'KL']);
  });
});

describe('slip as ESC/POS', () => {
  it('starts with ESC @, prints the queue number large, the QR holds the visit id, ends with a cut', () => {
    const { visit, job } = encoded(1);
    expect(job.items[0]).toEqual({ type: 'init' });
    const queue = job.lines.find((l) => l.text === visit.queueNumber);
    expect(queue).toBeDefined();
    expect(queue!.width).toBeGreaterThanOrEqual(3);
    expect(queue!.height).toBeGreaterThan(queue!.width - 1);
    expect(queue!.bold).toBe(true);
    expect(queue!.align).toBe('center');
    expect(job.qrs).toHaveLength(1);
    expect(job.qrs[0]).toMatchObject({ payload: visit.id, model: 2, errorLevel: 'M' });
    expect(job.items.at(-1)).toEqual({ type: 'cut', partial: true });
    expect(job.text).toContain('Benh vien Da khoa Mo phong');
    const name = job.lines.find((l) => l.text.startsWith('Ho va ten / Name: '))!;
    expect(name.runs.map((r) => [r.text, r.bold])).toEqual([
      ['Ho va ten / Name: ', false],
      ['Nguyen Van An', true],
    ]);
    expect(job.text).toContain('DN40*******6781');
    expect(job.text).toContain('Phong 101, tang 1');
  });

  it('never sends the ID number or the full date of birth', () => {
    for (const identity of SIM_IDENTITIES) {
      const { bytes, job } = encoded(identity.index, '58mm', { insuranceSource: 'online' });
      const raw = Buffer.from(bytes).toString('latin1');
      expect(raw).not.toContain(identity.card.idNumber);
      const [y, m, d] = identity.card.dateOfBirth!.split('-');
      expect(job.text).not.toContain(`${d}/${m}/${y}`);
      expect(job.text).not.toContain(identity.card.dateOfBirth!);
    }
  });

  it('every line fits the paper: 48 columns on 80 mm, 32 on 58 mm', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      for (const identity of SIM_IDENTITIES) {
        const { job } = encoded(identity.index, paper, { queueSeq: 999 });
        for (const l of job.lines) {
          expect(l.text.length * l.width, `${paper} "${l.text}"`).toBeLessThanOrEqual(
            PAPERS[paper].escposColumns,
          );
        }
      }
    }
  });

  it('a priority lane is printed white on black, in words', () => {
    const { job } = encoded(3);
    const lane = job.lines.find((l) => l.text.includes('UU TIEN'));
    expect(lane).toMatchObject({ reverse: true, bold: true });
    expect(lane!.text).toContain('NGUOI CAO TUOI');
    const normal = encoded(1).job.lines.find((l) => l.text.includes('Hang thuong'));
    expect(normal).toMatchObject({ reverse: false });
  });

  it('offline and self-pay lines are present', () => {
    const offline = encoded(1, '80mm', { insuranceSource: 'cache' }).job.text.replace(/\n/g, ' ');
    expect(offline).toContain('Ket qua BHYT ngoai tuyen, kiem tra luc 16:40 22/11');
    const selfPay = encoded(18).job.lines.find((l) => l.text.includes('tu chi tra'));
    expect(selfPay).toMatchObject({ reverse: true, bold: true });
  });

  it('sends printable ASCII only besides commands (the decoder is strict)', () => {
    const { bytes } = encoded(2);
    expect(() => decodeEscpos(bytes)).not.toThrow();
    expect(() => decodeEscpos(Uint8Array.of(0x1b, 0x40, 0xc3, 0xa1))).toThrow(/unexpected byte/);
    expect(() => decodeEscpos(Uint8Array.of(0x1d, 0x28, 0x6b, 0x10))).toThrow(/truncated/);
  });
});

describe('DLE EOT 4 roll paper status', () => {
  it('reads paper present, near end and end', () => {
    expect(parsePaperStatus(0x12)).toBe('ok');
    expect(parsePaperStatus(0x1e)).toBe('near-end');
    expect(parsePaperStatus(0x72)).toBe('out');
    expect(parsePaperStatus(0x7e)).toBe('out');
    expect(parsePaperStatus(0xff)).toBe('unknown');
  });
});
