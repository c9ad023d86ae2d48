/**
 * The face check (issue 23), `npm run bench -- face`: both candidate models in Node on the
 * TensorFlow.js WebAssembly backend the kiosk uses (no GPU), on this machine's cores.
 * - model load time, and memory (RSS) after loading and after the runs;
 * - frame → decision: one 640×480 camera frame through detection, pose and template, then the
 *   comparison with the chip photo's template and the decision (p50/p90; goal ≤ 1 s);
 * - false-match and false-non-match rates at the threshold on the 22 faces of face-api's sample
 *   photos: each face's chip photo (cropped, scaled, relit, JPEG q50) against every face's camera
 *   frame — 22 genuine and 462 impostor pairs. A SMALL set of still photos: it shows the model
 *   works on re-encoded chip photos, not a population error rate.
 */
import jpeg from 'jpeg-js';
import { decideFace } from '../src/main/domain/face-decision';
import { faceDefaults } from '../src/main/config/sections/face';
import { cameraFrame, chipPhoto, SAMPLE_FACES, type Rgba } from '../tests/support/face/face-media';
import { faceApiEngine, humanEngine, type BenchEngine } from './face-engines';
import type { Report } from './report';

const FRAME_RUNS = 12;

const mb = () => process.memoryUsage().rss / 1e6;

function decodeJpeg(bytes: Uint8Array): Rgba {
  const d = jpeg.decode(bytes, { useTArray: true });
  return { width: d.width, height: d.height, data: d.data };
}

async function run(report: Report, label: string, open: () => Promise<BenchEngine>): Promise<void> {
  const before = mb();
  const t0 = performance.now();
  const engine = await open();
  report.figure(`${label}.load`, performance.now() - t0, 'ms');
  report.figure(`${label}.model`, `${engine.name}@${engine.version}`);
  try {
    const chips = SAMPLE_FACES.map((f) => decodeJpeg(chipPhoto(f)));
    const frames = SAMPLE_FACES.map((f) => cameraFrame(f));
    const chipTemplates = [];
    for (const c of chips) chipTemplates.push(await engine.centralFace(c));
    // Warm-up frame: the first inference compiles kernels.
    await engine.centralFace(frames[0]!);
    report.figure(`${label}.rss-after-load`, mb() - before, 'MB');

    const latencies: number[] = [];
    for (let i = 0; i < FRAME_RUNS; i++) {
      const k = i % frames.length;
      const started = performance.now();
      const face = await engine.centralFace(frames[k]!);
      const score =
        face && chipTemplates[k]
          ? engine.similarity(face.embedding, chipTemplates[k].embedding)
          : 0;
      decideFace(
        {
          outcome: 'compared',
          score: Math.max(0, Math.min(1, score)),
          liveness: 'live',
          model: engine,
        },
        { policy: 'optional', threshold: engine.threshold, mode: 'kiosk' },
      );
      latencies.push(performance.now() - started);
    }
    report.samples(`${label}.frame-to-decision`, latencies, 'ms');

    const frameTemplates = [];
    for (const f of frames) frameTemplates.push(await engine.centralFace(f));
    const missing =
      chipTemplates.filter((t) => !t).length + frameTemplates.filter((t) => !t).length;
    let genuine = 0;
    let falseNonMatch = 0;
    let impostor = 0;
    let falseMatch = 0;
    let genuineMin = 1;
    let impostorMax = 0;
    for (let i = 0; i < SAMPLE_FACES.length; i++) {
      for (let j = 0; j < SAMPLE_FACES.length; j++) {
        const a = chipTemplates[i];
        const b = frameTemplates[j];
        const score = a && b ? engine.similarity(a.embedding, b.embedding) : 0;
        const match = score >= engine.threshold;
        if (i === j) {
          genuine++;
          if (!match) falseNonMatch++;
          genuineMin = Math.min(genuineMin, score);
        } else {
          impostor++;
          if (match) falseMatch++;
          impostorMax = Math.max(impostorMax, score);
        }
      }
    }
    const genuineScores: number[] = [];
    const impostorScores: number[] = [];
    for (let i = 0; i < SAMPLE_FACES.length; i++) {
      for (let j = 0; j < SAMPLE_FACES.length; j++) {
        const a = chipTemplates[i];
        const b = frameTemplates[j];
        if (a && b)
          (i === j ? genuineScores : impostorScores).push(
            engine.similarity(a.embedding, b.embedding),
          );
      }
    }
    report.samples(`${label}.genuine-scores (faces found)`, genuineScores, '');
    report.samples(`${label}.impostor-scores (faces found)`, impostorScores, '');
    for (const t of [0.5, 0.55, 0.6, 0.65, 0.7]) {
      const fnm = genuineScores.filter((x) => x < t).length;
      const fm = impostorScores.filter((x) => x >= t).length;
      report.figure(
        `${label}.at-${t.toFixed(2)}`,
        `false non-match ${fnm}/${genuineScores.length}, false match ${fm}/${impostorScores.length}`,
      );
    }
    report.figure(`${label}.threshold`, engine.threshold);
    report.figure(`${label}.faces-not-found`, `${missing} of ${chips.length + frames.length}`);
    report.figure(
      `${label}.false-non-match (small set)`,
      `${falseNonMatch}/${genuine} = ${((100 * falseNonMatch) / genuine).toFixed(1)} %`,
    );
    report.figure(
      `${label}.false-match (small set)`,
      `${falseMatch}/${impostor} = ${((100 * falseMatch) / impostor).toFixed(1)} %`,
    );
    report.figure(`${label}.lowest-genuine-score`, genuineMin);
    report.figure(`${label}.highest-impostor-score`, impostorMax);
    report.figure(`${label}.rss-after-runs`, mb() - before, 'MB');
  } finally {
    await engine.close();
  }
}

export default async function bench(report: Report): Promise<void> {
  await run(report, 'human', () => humanEngine(faceDefaults.threshold));
  await run(report, 'face-api', () => faceApiEngine());
}
