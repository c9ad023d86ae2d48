/**
 * The face check's spoken instructions (issue 23, item 5) through the API's entry point: a real
 * WAV from espeak-ng for every instruction in both languages, nothing but the fixed list asked
 * for, only on the check-in stations, made once and kept, and nothing when face.speak is off.
 */
import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../src/main/api/dispatch';
import { createApiHandlers, type HandlerServices } from '../../../src/main/api/handlers';
import { STATION_REFUSED } from '../../../src/main/api/station-guard';
import {
  createFaceInstructionSpeech,
  FACE_INSTRUCTION_TEXT,
  type FaceInstructionSpeechSettings,
} from '../../../src/main/calling/speech/face-instructions';
import type { EspeakOptions } from '../../../src/main/calling/speech/espeak';
import {
  CALL_FORMAT,
  parseWav,
  wavDurationSeconds,
  type Wav,
} from '../../../src/main/calling/speech/wav';
import { configSchema, defaultConfig } from '../../../src/main/config/schema';
import { mergeDefaults } from '../../../src/main/config/load-config';
import { FACE_INSTRUCTIONS, type Language } from '../../../src/shared/domain';

const SETTINGS: FaceInstructionSpeechSettings = { enabled: true, voice: 'vi', wordsPerMinute: 160 };
const LANGUAGES: Language[] = ['vi', 'en'];

/** Only the handler under test is reached; every other service is absent. */
function handlersWith(
  settings = SETTINGS,
  say?: Parameters<typeof createFaceInstructionSpeech>[1],
) {
  return createApiHandlers({
    faceSpeech: createFaceInstructionSpeech(settings, say),
  } as unknown as HandlerServices);
}

function wavOfDataUrl(url: unknown): Buffer {
  expect(typeof url).toBe('string');
  const prefix = 'data:audio/wav;base64,';
  expect((url as string).startsWith(prefix)).toBe(true);
  return Buffer.from((url as string).slice(prefix.length), 'base64');
}

/** A stand-in for espeak-ng that counts its runs and answers a short tone-free WAV. */
function countingSay(fail = false) {
  const runs: { text: string; voice: string }[] = [];
  const say = async (text: string, opts: EspeakOptions): Promise<Wav> => {
    runs.push({ text, voice: opts.voice });
    if (fail) throw new Error('espeak-ng killed');
    return { ...CALL_FORMAT, data: Buffer.alloc(4410) };
  };
  return { runs, say };
}

describe('face.instructionAudio', () => {
  it('answers every instruction in Vietnamese and in English as a WAV of speech (espeak-ng)', async () => {
    const handlers = handlersWith();
    for (const instruction of FACE_INSTRUCTIONS) {
      const heard: Buffer[] = [];
      for (const language of LANGUAGES) {
        const result = await dispatchRequest(
          handlers,
          'face.instructionAudio',
          { instruction, language },
          { mode: 'kiosk' },
        );
        expect(result.ok, `${instruction} ${language}`).toBe(true);
        const wav = wavOfDataUrl(result.ok ? result.value : null);
        expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
        expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
        // The RIFF size covers the whole file after its first 8 bytes.
        expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
        const parsed = parseWav(wav);
        expect(parsed.data.length).toBeGreaterThan(0);
        // A sentence, not a click: espeak-ng says even the shortest one in over half a second.
        expect(wavDurationSeconds(wav)).toBeGreaterThan(0.5);
        heard.push(wav);
      }
      expect(heard[0]!.equals(heard[1]!), `${instruction}: vi and en differ`).toBe(false);
    }
  });

  it('says the fixed sentence of the instruction, in the language asked, with the configured voice', async () => {
    const { runs, say } = countingSay();
    const speech = createFaceInstructionSpeech({ ...SETTINGS, voice: 'vi-vn-x-south' }, say);
    await speech.audio('turn-head', 'vi');
    await speech.audio('turn-head', 'en');
    expect(runs).toEqual([
      { text: FACE_INSTRUCTION_TEXT['turn-head'].vi, voice: 'vi-vn-x-south' },
      { text: FACE_INSTRUCTION_TEXT['turn-head'].en, voice: 'en' },
    ]);
  });

  it('makes each instruction and language once and keeps it; a failure is not kept', async () => {
    const { runs, say } = countingSay();
    const speech = createFaceInstructionSpeech(SETTINGS, say);
    const [a, b] = await Promise.all([
      speech.audio('consent', 'vi'),
      speech.audio('consent', 'vi'),
    ]);
    const c = await speech.audio('consent', 'vi');
    expect(a.equals(b) && a.equals(c)).toBe(true);
    expect(runs).toHaveLength(1);
    await speech.audio('consent', 'en');
    expect(runs).toHaveLength(2);

    const failing = countingSay(true);
    const broken = createFaceInstructionSpeech(SETTINGS, failing.say);
    await expect(broken.audio('done', 'vi')).rejects.toThrow();
    await expect(broken.audio('done', 'vi')).rejects.toThrow();
    expect(failing.runs).toHaveLength(2);
  });

  it('refuses anything but an instruction of the list and vi or en', async () => {
    const { runs, say } = countingSay();
    const handlers = handlersWith(SETTINGS, say);
    const bad: unknown[] = [
      null,
      {},
      { instruction: 'consent' },
      { language: 'vi' },
      { instruction: 'say-anything', language: 'vi' },
      { instruction: 'Nhìn thẳng vào máy ảnh.', language: 'vi' },
      { instruction: 'consent', language: 'fr' },
      { instruction: 'consent', language: 'VI' },
      { instruction: ['consent'], language: 'vi' },
      { instruction: 'consent', language: 'vi', text: 'Xin chào Nguyễn Văn A' },
    ];
    for (const input of bad) {
      const result = await dispatchRequest(handlers, 'face.instructionAudio', input, {
        mode: 'kiosk',
      });
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'API_BAD_INPUT' },
      });
    }
    expect(runs).toHaveLength(0);
  });

  it('is for the kiosk and the desk only: a room or a display is refused', async () => {
    const { runs, say } = countingSay();
    const handlers = handlersWith(SETTINGS, say);
    const input = { instruction: 'look-at-camera', language: 'vi' };
    for (const mode of ['room', 'display'] as const) {
      expect(
        await dispatchRequest(handlers, 'face.instructionAudio', input, { mode }),
      ).toMatchObject({ ok: false, error: { code: STATION_REFUSED } });
    }
    expect(runs).toHaveLength(0);
    for (const mode of ['kiosk', 'desk'] as const) {
      expect(
        await dispatchRequest(handlers, 'face.instructionAudio', input, { mode }),
      ).toMatchObject({ ok: true });
    }
  });

  it('says nothing when face.speak is off (on by default)', async () => {
    const { runs, say } = countingSay();
    const handlers = handlersWith({ ...SETTINGS, enabled: false }, say);
    const result = await dispatchRequest(
      handlers,
      'face.instructionAudio',
      { instruction: 'consent', language: 'vi' },
      { mode: 'kiosk' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'SPEECH_UNAVAILABLE' } });
    expect(runs).toHaveLength(0);

    expect(configSchema.parse(mergeDefaults(defaultConfig, {})).face.speak).toBe(true);
    expect(
      configSchema.parse(mergeDefaults(defaultConfig, { face: { speak: false } })).face.speak,
    ).toBe(false);
  });
});
