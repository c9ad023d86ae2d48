import { describe, expect, it } from 'vitest';
import {
  CALL_FORMAT,
  chime,
  encodeWav,
  parseWav,
  silence,
  wavDurationSeconds,
  WavFormatError,
} from '../../../src/main/calling/speech/wav';

/** A 44-byte canonical header written out by hand (8 kHz mono 8-bit, 4 samples). */
const HAND_MADE = Buffer.from(
  '52494646' +
    '28000000' +
    '57415645' + // RIFF, 40, WAVE
    '666d7420' +
    '10000000' +
    '0100' +
    '0100' +
    '401f0000' +
    '401f0000' +
    '0100' +
    '0800' +
    '64617461' +
    '04000000' +
    '80ff0080',
  'hex',
);

describe('WAV', () => {
  it('reads a hand-written canonical file', () => {
    const w = parseWav(HAND_MADE);
    expect(w).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 8 });
    expect([...w.data]).toEqual([0x80, 0xff, 0x00, 0x80]);
    expect(wavDurationSeconds(HAND_MADE)).toBeCloseTo(4 / 8000, 6);
  });

  it('writes what it reads back, and measures the length from the header', () => {
    const one = encodeWav(CALL_FORMAT, silence(CALL_FORMAT, 1000));
    expect(wavDurationSeconds(one)).toBeCloseTo(1, 3);
    const c = encodeWav(CALL_FORMAT, chime());
    expect(wavDurationSeconds(c)).toBeCloseTo(0.7, 2);
    expect(parseWav(c).data.equals(chime())).toBe(true);
  });

  it('tolerates a streamed header whose data size is a placeholder', () => {
    const streamed = Buffer.from(HAND_MADE);
    streamed.writeUInt32LE(0x7fffffff, 40);
    expect(parseWav(streamed).data.length).toBe(4);
  });

  it('refuses what is not PCM WAVE', () => {
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(WavFormatError);
    const floatWav = Buffer.from(HAND_MADE);
    floatWav.writeUInt16LE(3, 20);
    expect(() => parseWav(floatWav)).toThrow(/not PCM/);
  });

  it('the chime stays inside 16-bit range and fades out', () => {
    const c = chime();
    let peak = 0;
    for (let i = 0; i < c.length; i += 2) peak = Math.max(peak, Math.abs(c.readInt16LE(i)));
    expect(peak).toBeGreaterThan(3000);
    expect(peak).toBeLessThan(32767);
    const tail = c.readInt16LE(c.length / 2 - 2);
    expect(Math.abs(tail)).toBeLessThan(peak / 4);
  });
});
