/**
 * The face check on the kiosk (issue 23): consent first, then the camera with a framing guide
 * and one instruction at a time in large text, then the report to main. Every way out goes on
 * with the check-in: "No, skip", no camera, no model, the time running out. The camera is
 * stopped and every frame and template dropped as soon as the check ends.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCheckReport, FaceCheckSettings, PatientView } from '../../../shared/domain';
import { kioskApi } from '../api';
import { loadFaceEngine, type FaceEngine } from './face-engine';
import { faceReport, type FaceFrame } from './face-report';
import { headTurnProgress } from './liveness';
import type { FaceGuide as Guide } from './spoken-instruction';
import { useSpokenInstruction } from './use-spoken-instruction';

/** A face smaller than this share of the frame's width is too far for a good template. */
const MIN_FACE_WIDTH = 0.18;

export function FaceCheck({
  patient,
  settings,
  onDone,
}: {
  patient: PatientView;
  settings: FaceCheckSettings;
  onDone: () => void;
}) {
  const [consented, setConsented] = useState(false);
  const [sending, setSending] = useState(false);
  const finish = async (report: FaceCheckReport) => {
    if (sending) return;
    setSending(true);
    try {
      await kioskApi().request('checkin.faceResult', report);
    } catch {
      // Main refused (already decided, step moved on): the state on screen says what next.
    }
    onDone();
  };
  // Start loading the models while the person reads the consent text.
  useEffect(() => {
    void loadFaceEngine().catch(() => undefined);
  }, []);
  if (!consented) {
    return (
      <FaceConsent
        required={settings.policy === 'required'}
        speak={settings.speak}
        onYes={() => setConsented(true)}
        onNo={() => void finish({ outcome: 'declined' })}
      />
    );
  }
  return (
    <FaceCamera
      patient={patient}
      seconds={settings.cameraSeconds}
      speak={settings.speak}
      onReport={finish}
    />
  );
}

function FaceConsent({
  required,
  speak,
  onYes,
  onNo,
}: {
  required: boolean;
  speak: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  useSpokenInstruction('consent', speak);
  return (
    <section
      className="kiosk-step face-step"
      data-testid="face-consent"
      aria-labelledby="face-consent-title"
    >
      <h1 id="face-consent-title">{t('face.consent.title')}</h1>
      <p className="lead">{t('face.consent.what')}</p>
      <ul className="face-points">
        <li>{t('face.consent.local')}</li>
        <li>{t('face.consent.kept')}</li>
        <li>{required ? t('face.consent.noRequired') : t('face.consent.noOptional')}</li>
      </ul>
      <div className="face-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="face-consent-yes"
          onClick={onYes}
        >
          {t('face.consent.yes')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="face-consent-no"
          onClick={onNo}
        >
          {t('face.consent.no')}
        </button>
      </div>
    </section>
  );
}

function FaceCamera({
  patient,
  seconds,
  speak,
  onReport,
}: {
  patient: PatientView;
  seconds: number;
  speak: boolean;
  onReport: (report: FaceCheckReport) => Promise<void>;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [guide, setGuide] = useState<Guide>('starting');
  useSpokenInstruction(guide, speak);
  const stopped = useRef(false);
  const reportRef = useRef(onReport);
  reportRef.current = onReport;

  useEffect(() => {
    stopped.current = false;
    let stream: MediaStream | null = null;
    let frames: FaceFrame[] = [];
    const deadline = Date.now() + seconds * 1000;
    const end = (report: FaceCheckReport) => {
      if (stopped.current) return;
      stopped.current = true;
      stream?.getTracks().forEach((track) => track.stop());
      frames = [];
      void reportRef.current(report);
    };
    const run = async () => {
      let engine: FaceEngine;
      try {
        engine = await loadFaceEngine();
      } catch {
        return end({ outcome: 'unavailable', reason: 'model' });
      }
      const reference = await referenceTemplate(engine, patient.photoDataUrl);
      if (!reference) return end({ outcome: 'unavailable', reason: 'no-chip-face' });
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
          audio: false,
        });
      } catch {
        return end({ outcome: 'unavailable', reason: 'no-camera' });
      }
      if (stopped.current) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      const v = video.current!;
      v.srcObject = stream;
      await v.play().catch(() => undefined);
      setGuide('look-straight');
      while (!stopped.current) {
        const found = await engine.faces(v).catch(() => []);
        if (stopped.current) return;
        const face = found[0];
        if (!face) setGuide('no-face');
        else if (face.box[2] < MIN_FACE_WIDTH) setGuide('closer');
        else {
          frames.push(face);
          const progress = headTurnProgress(frames);
          if (progress === 'passed') {
            setGuide('checking');
            return end(faceReport(frames, reference, engine.similarity, engine.model));
          }
          setGuide(progress);
        }
        if (Date.now() > deadline) {
          const report = faceReport(frames, reference, engine.similarity, engine.model);
          setGuide(report.outcome === 'no-face' ? 'not-seen' : 'checking');
          return end(report);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    void run();
    return () => {
      stopped.current = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [patient.photoDataUrl, seconds]);

  return (
    <section
      className="kiosk-step face-step"
      data-testid="face-camera"
      data-guide={guide}
      aria-labelledby="face-camera-title"
    >
      <h1 id="face-camera-title">{t('face.camera.title')}</h1>
      <div className="face-frame">
        <video ref={video} className="face-video" muted playsInline aria-hidden="true" />
        <div className="face-oval" aria-hidden="true" />
      </div>
      <p className="face-guide" role="status" aria-live="polite" data-testid="face-guide">
        {t(`face.guide.${guide}`)}
      </p>
      <button
        type="button"
        className="button button-secondary"
        data-testid="face-skip"
        onClick={() => {
          if (stopped.current) return;
          stopped.current = true;
          const stream = video.current?.srcObject;
          if (stream instanceof MediaStream) stream.getTracks().forEach((track) => track.stop());
          void onReport({ outcome: 'declined' });
        }}
      >
        {t('face.camera.skip')}
      </button>
    </section>
  );
}

/** The chip photo's template: the largest face in it, or null (no photo, no face found). */
async function referenceTemplate(
  engine: FaceEngine,
  photoDataUrl: string | null,
): Promise<readonly number[] | null> {
  if (!photoDataUrl) return null;
  const img = new Image();
  img.src = photoDataUrl;
  try {
    await img.decode();
    const faces = await engine.faces(img);
    return faces[0]?.embedding ?? null;
  } catch {
    return null;
  }
}
