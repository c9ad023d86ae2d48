/**
 * Text to speech with the `espeak-ng` program (Debian package espeak-ng). The text goes as one
 * argument, never through a shell; the WAV comes back on stdout.
 */
import { execFile } from 'node:child_process';
import { kioskError } from '../../../shared/errors';
import { parseWav, type Wav } from './wav';

export const ESPEAK_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type EspeakVoice = (typeof ESPEAK_VOICES)[number] | 'en';

export interface EspeakOptions {
  voice: EspeakVoice;
  /** Words per minute (espeak-ng's -s); announcers speak slower than espeak's 175. */
  wordsPerMinute: number;
  /** The program, for tests and unusual installs. */
  program?: string;
  timeoutMs?: number;
}

export function espeak(text: string, opts: EspeakOptions): Promise<Wav> {
  const args = ['-v', opts.voice, '-s', String(opts.wordsPerMinute), '--stdout', '--', text];
  return new Promise((resolve, reject) => {
    execFile(
      opts.program ?? 'espeak-ng',
      args,
      { encoding: 'buffer', timeout: opts.timeoutMs ?? 10_000, maxBuffer: 20 * 1024 * 1024 },
      (err, stdout) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            kioskError(
              'SPEECH_UNAVAILABLE',
              missing
                ? 'Không có chương trình đọc espeak-ng (cài gói espeak-ng)'
                : 'Chương trình đọc espeak-ng bị lỗi',
              missing
                ? 'The espeak-ng speech program is missing (install the espeak-ng package)'
                : 'The espeak-ng speech program failed',
              { detail: missing ? 'ENOENT' : `exit ${String(err.code ?? err.signal)}` },
            ),
          );
          return;
        }
        try {
          resolve(parseWav(stdout));
        } catch (e) {
          reject(
            kioskError(
              'SPEECH_UNAVAILABLE',
              'espeak-ng không trả về âm thanh hợp lệ',
              'espeak-ng did not produce valid audio',
              { detail: (e as Error).message },
            ),
          );
        }
      },
    );
  });
}
