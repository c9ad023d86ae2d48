import path from 'node:path';
import { spokenCallText, spokenCallWav } from '../../main/calling/call-speech';
import { wavDurationSeconds } from '../../main/calling/speech/wav';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import type { RegisterCommand } from '../output';
import { runCommand } from '../output';

interface SayOpts {
  number: string;
  room: string;
  out: string;
  json?: boolean;
}

/** `queue …`: the room caller and the board from the command line. */
export const registerQueue: RegisterCommand = (program, ctx) => {
  const queue = program
    .command('queue')
    .description('call patients in: rooms, board, spoken calls');

  queue
    .command('say')
    .description('write the spoken call (chime, Vietnamese, English) for a number and room as WAV')
    .requiredOption('--number <queue number>', 'e.g. K01-KHAM-T-004')
    .requiredOption('--room <code>', 'a room of queue.rooms, e.g. 101')
    .requiredOption('--out <file.wav>', 'where to write the WAV')
    .option('--json', 'JSON output')
    .action(async (opts: SayOpts) =>
      runCommand(
        opts,
        async () => {
          const c = ctx();
          const config = c.config().config;
          const text = spokenCallText(config.queue, opts.number, opts.room);
          const wav = await spokenCallWav(config, c.dataDir, opts.number, opts.room);
          const out = path.resolve(opts.out);
          writeFileAtomicSync(out, wav);
          return { file: out, seconds: Number(wavDurationSeconds(wav).toFixed(2)), text };
        },
        (r) => `${r.file} (${r.seconds} s)\n${r.text.vi}\n${r.text.en}`,
      ),
    );
};
