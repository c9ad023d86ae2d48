import path from 'node:path';
import type { CallingService } from '../../main/calling/calling-service';
import { spokenCallText, spokenCallWav } from '../../main/calling/call-speech';
import { withRoot, type CliContext } from '../context';
import { wavDurationSeconds } from '../../main/calling/speech/wav';
import { writeFileAtomicSync } from '../../main/fs/atomic-write';
import type { RegisterCommand } from '../output';
import { runCommand } from '../output';
import { ROOM_ACTIONS, type RoomAction, type Visit } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { hospitalDay } from '../../shared/hospital-day';
import type { VisitStore } from '../../main/store/store-ports';

interface CallOpts {
  room: string;
  department?: string;
  json?: boolean;
}

interface BoardOpts {
  room: string[];
  json?: boolean;
}

function withCalling<T>(
  ctx: CliContext,
  use: (calling: CallingService, store: Pick<VisitStore, 'listVisits'>) => Promise<T>,
): Promise<T> {
  return withRoot(ctx, async (root) => use(await root.calling(), await root.store()));
}

interface ActOpts {
  room: string;
  visit?: string;
  number?: string;
  json?: boolean;
}

const usage = (vi: string, en: string) => kioskError('USAGE_INVALID', vi, en);

function actionOf(text: string): RoomAction {
  if (!(ROOM_ACTIONS as readonly string[]).includes(text)) {
    throw usage(
      `hành động: một trong ${ROOM_ACTIONS.join(', ')}`,
      `the action must be one of ${ROOM_ACTIONS.join(', ')}`,
    );
  }
  return text as RoomAction;
}

/** The visit by id, or by today's queue number as the room sees it on the board. */
async function visitIdOf(
  store: Pick<VisitStore, 'listVisits'>,
  opts: ActOpts,
  timeZone: string,
): Promise<string> {
  if ((opts.visit === undefined) === (opts.number === undefined)) {
    throw usage(
      'cần đúng một trong --visit <mã lượt khám> hoặc --number <số thứ tự>',
      'give exactly one of --visit <visit id> or --number <queue number>',
    );
  }
  if (opts.visit !== undefined) return opts.visit;
  const wanted = opts.number!.trim().toUpperCase();
  const today = await store.listVisits({
    date: hospitalDay(new Date(), timeZone),
    includeCancelled: true,
  });
  const found: Visit | undefined = today.find((v) => v.queueNumber === wanted);
  if (!found) {
    throw kioskError(
      'QUEUE_NUMBER_UNKNOWN',
      `Hôm nay không có số thứ tự ${wanted}`,
      `No visit has the queue number ${wanted} today`,
      { detail: wanted },
    );
  }
  return found.id;
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
    .command('act <action>')
    .description(
      `a room's action on a visit: ${ROOM_ACTIONS.join(' | ')} (call again, skip a no-show, patient in, done, call a skipped one back); prints the visit`,
    )
    .requiredOption('--room <code>', 'the room acting, a room of queue.rooms, e.g. 101')
    .option('--visit <id>', 'the visit id')
    .option('--number <queue number>', "today's queue number, e.g. KHAM-T-004")
    .option('--json', 'JSON output')
    .action(async (actionText: string, opts: ActOpts) =>
      runCommand(
        opts,
        () =>
          withCalling(ctx(), async (c, store) => {
            const action = actionOf(actionText);
            const visitId = await visitIdOf(store, opts, ctx().config().config.hospital.timeZone);
            return c.act(visitId, action, opts.room);
          }),
        (v) =>
          `${v.queueNumber}: ${v.progress?.state ?? 'waiting'}${v.progress?.room ? ` (${v.progress.room})` : ''}`,
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
