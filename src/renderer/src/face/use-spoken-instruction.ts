/**
 * Says the face check's instruction for the step on screen (face.speak): asks main for the WAV
 * and plays it, in the screen's language. Never in the way: the screen does not wait for it, a
 * failure (no espeak-ng, autoplay refused) is silent, and the sound stops when the step changes
 * or the screen goes, except the check's outcome (outlivesStep).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceInstruction } from '../../../shared/domain';
import { kioskApi } from '../api';
import { nextInstruction, outlivesStep, type FaceStep } from './spoken-instruction';

export function useSpokenInstruction(step: FaceStep, enabled: boolean): void {
  const { i18n } = useTranslation();
  const said = useRef<FaceInstruction[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const instruction = nextInstruction(step, said.current);
    if (!instruction) return;
    const language = i18n.language === 'en' ? 'en' : 'vi';
    const final = outlivesStep(instruction);
    // The outcome is said however soon the screen goes: counted now, so that React's second
    // run of the effect in development does not say it twice.
    if (final) said.current = [...said.current, instruction];
    let gone = false;
    let audio: HTMLAudioElement | null = null;
    void kioskApi()
      .request('face.instructionAudio', { instruction, language })
      .then((url) => {
        if (!final) {
          // The step moved on while the WAV was coming: it is no longer the instruction.
          if (gone) return;
          // Counted as said once it plays (React's second run of the effect in development has
          // cancelled the first).
          said.current = [...said.current, instruction];
        }
        audio = new Audio(url);
        return audio.play();
      })
      .catch(() => {
        // No sound: the instruction is on screen in large text, the check goes on.
      });
    return () => {
      gone = true;
      if (!final) audio?.pause();
    };
  }, [step, enabled, i18n.language]);
}
