/**
 * The sound of one call: chime, the call in Vietnamese, then (optionally) in English, as one WAV
 * in the call format. Vietnamese comes from recorded word clips when the hospital supplied a
 * folder that has every word, otherwise from espeak-ng with the configured voice.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CallText } from './call-text';
import { espeak, type EspeakVoice } from './espeak';
import { CALL_FORMAT, chime, encodeWav, silence } from './wav';
import { loadClip, sentenceFromClips } from './word-clips';

export interface CallSpeechSettings {
  voice: Exclude<EspeakVoice, 'en'>;
  wordsPerMinute: number;
  /** Say the call in English after the Vietnamese. */
  english: boolean;
  /** Folder of recorded word clips (absolute); null: espeak-ng only. */
  clipsFolder: string | null;
}

async function chimeSound(clipsFolder: string | null): Promise<Buffer> {
  const own = clipsFolder ? path.join(clipsFolder, 'chime.wav') : null;
  if (own && fs.existsSync(own)) return (await loadClip(own)).data;
  return chime(CALL_FORMAT);
}

export async function callAudio(text: CallText, settings: CallSpeechSettings): Promise<Buffer> {
  const pause = silence(CALL_FORMAT, 250);
  const recorded = settings.clipsFolder
    ? await sentenceFromClips(settings.clipsFolder, text.vi)
    : null;
  const vi =
    recorded ??
    (await espeak(text.vi, { voice: settings.voice, wordsPerMinute: settings.wordsPerMinute }))
      .data;
  const parts = [await chimeSound(settings.clipsFolder), pause, vi];
  if (settings.english) {
    const en = await espeak(text.en, { voice: 'en', wordsPerMinute: settings.wordsPerMinute });
    parts.push(pause, en.data);
  }
  return encodeWav(CALL_FORMAT, Buffer.concat(parts));
}
