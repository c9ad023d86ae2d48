/**
 * Calls made of recorded words, when the hospital supplies them: a folder with one WAV per word,
 * named by the word in lower case (`mời.wav`, `số.wav`, `không.wav`, `phòng.wav`, ...), and
 * optionally `chime.wav`. A clip in another format is converted with sox; a missing word makes
 * the whole sentence fall back to espeak-ng (a half-recorded call would be harder to follow).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CALL_FORMAT, parseWav, sameFormat, silence, type Wav } from './wav';

export function clipWords(sentence: string): string[] {
  return sentence
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter(Boolean);
}

export function clipPath(folder: string, word: string): string {
  return path.join(folder, `${word.normalize('NFC')}.wav`);
}

/** Words of the sentence without a clip in the folder. */
export function missingClips(folder: string, sentence: string): string[] {
  return clipWords(sentence).filter((w) => !fs.existsSync(clipPath(folder, w)));
}

function toCallFormat(file: string): Promise<Wav> {
  return new Promise((resolve, reject) => {
    const args = [file, '-t', 'wav', '-r', '22050', '-c', '1', '-b', '16', '-e', 'signed', '-'];
    execFile('sox', args, { encoding: 'buffer', maxBuffer: 20 * 1024 * 1024 }, (err, out) => {
      if (err) reject(err);
      else resolve(parseWav(out));
    });
  });
}

export async function loadClip(file: string): Promise<Wav> {
  const wav = parseWav(await fs.promises.readFile(file));
  return sameFormat(wav, CALL_FORMAT) ? wav : toCallFormat(file);
}

/** The sentence from its word clips, with a short gap between words; null if a clip is missing. */
export async function sentenceFromClips(folder: string, sentence: string): Promise<Buffer | null> {
  if (missingClips(folder, sentence).length > 0) return null;
  const gap = silence(CALL_FORMAT, 60);
  const parts: Buffer[] = [];
  for (const word of clipWords(sentence)) {
    parts.push((await loadClip(clipPath(folder, word))).data, gap);
  }
  return Buffer.concat(parts);
}
