import path from 'node:path';
import { createCallingService, type CallingService } from '../../main/calling/calling-service';
import { spokenCallText, spokenCallWav } from '../../main/calling/call-speech';
import type { CliContext } from '../context';
import { wavDurationSeconds } from '../../main/calling/speech/wav';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import type { RegisterCommand } from '../output';
import { runCommand } from '../output';
import { withStore } from './visits';

interface CallOpts {
  room: string;
  department?: string;
  json?: boolean;
}

interface BoardOpts {
  room: string[];
  json?: boolean;
}

function withCalling<T>(ctx: CliContext, use: (calling: CallingService) => Promise<T>): Promise<T> {
  return withStore(ctx, (store) =>
    use(createCallingService({ config: ctx.config().config, dataDir: ctx.dataDir, store })),
  );
}

interface SayOpts {
  number: string;
  room: string;
  out: string;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `queue …`: the room caller and the board from the command line. */
export const registerQueue: RegisterCommand = (program, ctx) => {
  const queue = program
    .command('queue')
    .description('call patients in: rooms, board, spoken calls');

  queue
    .command('call')
    .description("call the room's next patient by the queue policy and print the called visit")
    .requiredOption('--room <code>', 'a room of queue.rooms, e.g. 101')
    .option('--department <code>', "only this one of the room's departments")
    .option('--json', 'JSON output')
    .action(async (opts: CallOpts) =>
      runCommand(
        opts,
        () => withCalling(ctx(), (c) => c.callNext(opts.room, opts.department)),
        (v) => (v ? `${v.queueNumber} → ${opts.room.toUpperCase()}` : 'nobody is waiting'),
      ),
    );

  queue
    .command('board')
    .description('what the waiting-room board shows: being called, recent calls, waiting per room')
    .option('--room <code>', 'a room (repeat for several; default: the display rooms)', collect, [])
    .option('--json', 'JSON output')
    .action(async (opts: BoardOpts) =>
      runCommand(
        opts,
        () => withCalling(ctx(), (c) => c.board(opts.room.map((r) => r.toUpperCase()))),
        (b) =>
          b.rooms
            .map(
              (r) =>
                `${r.code.padEnd(6)} calling ${r.calling?.queueNumber ?? '-'}  waiting ${r.waiting}`,
            )
            .join('\n'),
      ),
    );

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
