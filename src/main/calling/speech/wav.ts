/**
 * The little of RIFF/WAVE the spoken calls need: read a PCM file's format and samples, write one,
 * measure its length from the header, and make the chime. Pure functions on Buffers.
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

export interface Wav extends PcmFormat {
  /** The `data` chunk's bytes. */
  data: Buffer;
}

/** The format every piece of a call is brought to before joining: espeak-ng's own output. */
export const CALL_FORMAT: PcmFormat = { sampleRate: 22050, channels: 1, bitsPerSample: 16 };

export class WavFormatError extends Error {}

/** Reads a PCM WAV. Chunks other than `fmt ` and `data` are skipped. */
export function parseWav(buf: Buffer): Wav {
  if (
    buf.length < 12 ||
    buf.toString('ascii', 0, 4) !== 'RIFF' ||
    buf.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let format: PcmFormat | null = null;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    let size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > buf.length) throw new WavFormatError('short fmt chunk');
      const audioFormat = buf.readUInt16LE(body);
      // 1 = PCM; 0xFFFE = extensible, which for 16-bit PCM carries the same samples.
      if (audioFormat !== 1 && audioFormat !== 0xfffe) {
        throw new WavFormatError(`not PCM (format ${audioFormat})`);
      }
      format = {
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('data chunk before fmt chunk');
      // A streamed writer may leave the size at its placeholder: take what is there.
      if (body + size > buf.length) size = buf.length - body;
      return { ...format, data: buf.subarray(body, body + size) };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('no data chunk');
}

export function encodeWav(format: PcmFormat, data: Buffer): Buffer {
  const header = Buffer.alloc(44);
  const blockAlign = (format.channels * format.bitsPerSample) / 8;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Length in seconds from the header's format and the data chunk's size. */
export function wavDurationSeconds(buf: Buffer): number {
  const w = parseWav(buf);
  const bytesPerSecond = (w.sampleRate * w.channels * w.bitsPerSample) / 8;
  return w.data.length / bytesPerSecond;
}

export function sameFormat(a: PcmFormat, b: PcmFormat): boolean {
  return (
    a.sampleRate === b.sampleRate &&
    a.channels === b.channels &&
    a.bitsPerSample === b.bitsPerSample
  );
}

export function silence(format: PcmFormat, ms: number): Buffer {
  const frames = Math.round((format.sampleRate * ms) / 1000);
  return Buffer.alloc((frames * format.channels * format.bitsPerSample) / 8);
}

/**
 * A two-note "ding-dong" (E6 then C6), each note with a soft attack and an exponential decay so
 * that it does not click. 16-bit mono at the call format's rate.
 */
export function chime(format: PcmFormat = CALL_FORMAT): Buffer {
  if (format.bitsPerSample !== 16 || format.channels !== 1) {
    throw new RangeError('the chime is made as 16-bit mono');
  }
  const notes = [1318.5, 1046.5];
  const noteSeconds = 0.35;
  const frames = Math.round(format.sampleRate * noteSeconds);
  const out = Buffer.alloc(notes.length * frames * 2);
  notes.forEach((freq, n) => {
    for (let i = 0; i < frames; i++) {
      const t = i / format.sampleRate;
      const attack = Math.min(1, t / 0.01);
      const envelope = attack * Math.exp(-t * 5);
      // A little of the octave above makes it sound like a bell rather than a test tone.
      const s = Math.sin(2 * Math.PI * freq * t) + 0.3 * Math.sin(4 * Math.PI * freq * t);
      out.writeInt16LE(Math.round(s * envelope * 0.35 * 32767 * 0.77), (n * frames + i) * 2);
    }
  });
  return out;
}
