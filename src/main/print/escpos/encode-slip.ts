/** SlipModel → the ESC/POS byte stream of one slip (text without diacritics: see ascii-text.ts). */
import type { PaperSpec } from '../paper';
import type { SlipField, SlipModel, SlipText } from '../slip-model';
import { toAscii, wrap } from './ascii-text';
import * as cmd from './commands';

/** Font A is 12 dots wide. */
const CHAR_DOTS = 12;

class Writer {
  readonly bytes: number[] = [];
  constructor(readonly columns: number) {}

  raw(b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }

  /** Wrapped to `columns / widthFactor`, each line ending in LF. */
  text(text: string, widthFactor = 1): this {
    for (const line of wrap(toAscii(text), Math.floor(this.columns / widthFactor))) {
      for (let i = 0; i < line.length; i++) this.bytes.push(line.charCodeAt(i));
      this.bytes.push(cmd.LF);
    }
    return this;
  }

  /** Text that the next `text()` call continues on the same line (no wrapping). */
  inline(text: string): this {
    const ascii = toAscii(text);
    for (let i = 0; i < ascii.length; i++) this.bytes.push(ascii.charCodeAt(i));
    return this;
  }

  bilingual(t: SlipText, widthFactor = 1): this {
    this.text(t.vi, widthFactor);
    if (t.en) this.raw(cmd.bold(false)).raw(cmd.size(1, 1)).text(t.en);
    return this;
  }

  rule(ch = '-'): this {
    return this.raw(cmd.bold(false)).text(ch.repeat(this.columns));
  }
}

function label(t: SlipText): string {
  return t.en ? `${t.vi} / ${t.en}` : t.vi;
}

/** `Label: value` on one line when it fits (value bold), else the value indented below. */
function field(w: Writer, f: SlipField): void {
  const head = `${label(f.label)}: `;
  if (toAscii(head + f.value).length <= w.columns) {
    w.raw(cmd.bold(false)).inline(head).raw(cmd.bold(true)).text(f.value).raw(cmd.bold(false));
    return;
  }
  w.raw(cmd.bold(false)).text(head.trimEnd());
  w.raw(cmd.bold(true)).text(`  ${f.value}`).raw(cmd.bold(false));
}

/** Largest GS ! magnification that keeps the queue number on one line. */
export function queueMagnification(number: string, paper: PaperSpec): number {
  return Math.max(1, Math.min(6, Math.floor(paper.escposDots / (number.length * CHAR_DOTS))));
}

export function encodeSlip(model: SlipModel, paper: PaperSpec): Uint8Array {
  const w = new Writer(paper.escposColumns);
  w.raw(cmd.init()).raw(cmd.codeTable(0));

  w.raw(cmd.align('center')).raw(cmd.bold(true)).raw(cmd.size(1, 2)).bilingual(model.hospital.name);
  w.raw(cmd.size(1, 1)).raw(cmd.bold(true)).bilingual(model.title);
  w.rule('=');

  w.raw(cmd.align('center')).bilingual(model.queue.label);
  const mag = queueMagnification(model.queue.number, paper);
  w.raw(cmd.bold(true))
    .raw(cmd.size(mag, Math.min(8, mag + 1)))
    .text(model.queue.number, mag);
  w.raw(cmd.size(1, 1)).raw(cmd.feed(1));

  if (model.lane.priority) {
    // White on black, double height: a priority slip is told apart at a glance.
    w.raw(cmd.reverse(true)).raw(cmd.bold(true)).raw(cmd.size(1, 2));
    w.text(` ${model.lane.label.vi.toUpperCase()} `);
    w.raw(cmd.size(1, 1));
    if (model.lane.label.en) w.text(` ${model.lane.label.en} `);
    w.raw(cmd.reverse(false));
  } else {
    w.raw(cmd.bold(false)).bilingual(model.lane.label);
  }
  w.raw(cmd.feed(1));

  const dept = model.department;
  w.raw(cmd.bold(true)).raw(cmd.size(1, 2)).bilingual(dept.name);
  w.raw(cmd.bold(true)).raw(cmd.size(1, 1));
  if (dept.room.vi) w.bilingual(dept.room);
  if (dept.directions)
    w.raw(cmd.bold(false)).bilingual({ vi: `> ${dept.directions.vi}`, en: dept.directions.en });
  w.rule();

  w.raw(cmd.align('left'));
  for (const f of model.patient) field(w, f);
  if (model.insurance.notices.length || model.insurance.fields.length) w.rule();
  for (const n of model.insurance.notices) {
    const loud = n.kind === 'self-pay' || n.kind === 'cancelled' || n.kind === 'not-covered';
    w.raw(cmd.bold(true)).raw(cmd.reverse(loud)).text(`! ${n.text.vi}`);
    if (n.text.en) w.raw(cmd.bold(false)).text(`  ${n.text.en}`);
    w.raw(cmd.reverse(false));
  }
  for (const f of model.insurance.fields) field(w, f);
  w.rule();

  w.raw(cmd.align('center'));
  // 80 mm: 6-dot modules (~0.75 mm); 58 mm: 5 dots. Error level M as on the PDF slip.
  w.raw(cmd.qr(new TextEncoder().encode(model.qr.payload), paper.escposDots >= 576 ? 6 : 5, 'M'));
  w.raw(cmd.feed(1));
  w.raw(cmd.align('left'));
  for (const f of model.footer) field(w, f);
  w.raw(cmd.align('center')).raw(cmd.bold(false)).raw(cmd.feed(1)).bilingual(model.closing);
  w.raw(cmd.feed(4)).raw(cmd.cut());
  return Uint8Array.from(w.bytes);
}
