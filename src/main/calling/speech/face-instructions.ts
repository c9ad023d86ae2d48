/**
 * The face check's instructions, spoken (issue 23, item 5): a fixed sentence per instruction and
 * language, said by espeak-ng with the waiting-room call's voice and speed, as one WAV. The
 * sentences carry nothing about the person, so each WAV is made once and kept in memory for
 * every later patient (a handful of short files, a few hundred kB in all).
 *
 * One language per request, the screen's: the camera's guide changes every few seconds, and a
 * Vietnamese-then-English pair would still be talking about the last step after the screen had
 * moved on (the waiting-room call says both because nobody there chose a language).
 */
import type { FaceInstruction, Language } from '../../../shared/domain';
import { kioskError } from '../../../shared/errors';
import { espeak, type EspeakOptions, type EspeakVoice } from './espeak';
import { encodeWav, type Wav } from './wav';

/** What is said. The screen's texts (face.*.json) say the same in fewer words or more. */
export const FACE_INSTRUCTION_TEXT: Record<FaceInstruction, Record<Language, string>> = {
  consent: {
    vi: 'Bạn có đồng ý đối chiếu khuôn mặt với ảnh trên thẻ căn cước không? Chọn Đồng ý, hoặc Không, bỏ qua.',
    en: 'Would you like to check your face against the photo on your ID card? Choose Yes, or No, skip.',
  },
  'look-at-camera': {
    vi: 'Nhìn thẳng vào máy ảnh.',
    en: 'Look straight at the camera.',
  },
  closer: {
    vi: 'Lại gần máy ảnh hơn một chút.',
    en: 'Come a little closer to the camera.',
  },
  'turn-head': {
    vi: 'Bây giờ quay đầu chậm sang trái hoặc sang phải.',
    en: 'Now slowly turn your head to the left or to the right.',
  },
  'no-face': {
    vi: 'Máy ảnh chưa thấy khuôn mặt của bạn. Đưa khuôn mặt vào giữa khung hình.',
    en: 'The camera cannot see your face. Bring your face into the middle of the frame.',
  },
  done: {
    vi: 'Xong, cảm ơn bạn. Đang đối chiếu.',
    en: 'Done, thank you. Comparing now.',
  },
  'not-seen': {
    vi: 'Máy ảnh không nhìn thấy khuôn mặt của bạn. Nhân viên tại quầy sẽ giúp bạn.',
    en: 'The camera could not see your face. Staff at the desk will help you.',
  },
};

export interface FaceInstructionSpeechSettings {
  /** face.speak: off, every request is refused (the screen shows the text anyway). */
  enabled: boolean;
  /** queue.speech.voice: the Vietnamese voice the hospital chose for its calls. */
  voice: Exclude<EspeakVoice, 'en'>;
  wordsPerMinute: number;
}

export interface FaceInstructionSpeech {
  /** The instruction as a WAV file (RIFF/WAVE, 16-bit PCM). */
  audio(instruction: FaceInstruction, language: Language): Promise<Buffer>;
}

export function createFaceInstructionSpeech(
  settings: FaceInstructionSpeechSettings,
  say: (text: string, opts: EspeakOptions) => Promise<Wav> = espeak,
): FaceInstructionSpeech {
  // The promise, not the WAV: two screens asking at once start espeak-ng once.
  const cache = new Map<string, Promise<Buffer>>();
  return {
    audio(instruction, language) {
      if (!settings.enabled) {
        return Promise.reject(
          kioskError(
            'SPEECH_UNAVAILABLE',
            'Đã tắt đọc hướng dẫn đối chiếu khuôn mặt (face.speak)',
            'Spoken face-check instructions are turned off (face.speak)',
            { detail: 'face.speak' },
          ),
        );
      }
      const key = `${instruction}:${language}`;
      let wav = cache.get(key);
      if (!wav) {
        const voice: EspeakVoice = language === 'en' ? 'en' : settings.voice;
        wav = say(FACE_INSTRUCTION_TEXT[instruction][language], {
          voice,
          wordsPerMinute: settings.wordsPerMinute,
        }).then((w) => encodeWav(w, w.data));
        cache.set(key, wav);
        // A failure (espeak-ng missing, killed) is not kept: the next request tries again.
        wav.catch(() => cache.delete(key));
      }
      return wav;
    },
  };
}
