import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type pino from 'pino';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-files';
import type { LogFields, LogLevel, Logger } from './logger';
import { redactString, redactValue } from './redact';

/**
 * pino, loaded when the first file logger is made rather than at import, so a CLI command that
 * logs nothing (`config`) starts without it.
 */
function loadPino(): typeof pino {
  return createRequire(import.meta.url)('pino') as typeof pino;
}

export interface FileLoggerOptions {
  dataDir: string;
  level: LogLevel;
  maxFileBytes: number;
  maxFiles: number;
  /** Also print to stderr (the desktop app in development). */
  console: boolean;
  fileName?: string;
}

/** The root logger of a process: what callers log through, plus getting the lines to disk. */
export interface FileLogger extends Logger {
  /** Resolves once every line logged so far has been handed to the disk (never rejects). */
  flush(): Promise<void>;
  /** Flushes and closes the file; later lines are dropped. */
  close(): Promise<void>;
}

/**
 * Lines held in memory while the disk is slow or blocked; past this, new lines are dropped rather
 * than let a stuck disk grow the kiosk's memory without bound.
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Size-rotated JSON-lines file: `logs/kiosk.log`, then `kiosk.1.log` … `kiosk.<maxFiles-1>.log`.
 * Writes are asynchronous (pino's SonicBoom): a log call only appends to a buffer, so a slow or
 * full disk never stalls Electron's main thread, and pino writes what is left synchronously when
 * the process exits. Rotation renames the files in the background and reopens; lines logged while
 * it runs land in either file, so the size limit is approximate.
 */
export class RotatingFile implements pino.DestinationStream {
  private size: number;
  private rotating = false;
  private readonly boom: ReturnType<typeof pino.destination>;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly maxFiles: number,
  ) {
    ensurePrivateDir(path.dirname(file));
    this.size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    this.boom = loadPino().destination({
      dest: file,
      sync: false,
      mode: PRIVATE_FILE_MODE,
      // minLength 1 (not 0): every line is written at once, and flush() then really waits for
      // the disk (SonicBoom's flush does nothing when minLength is 0). Lines are never 1 byte.
      minLength: 1,
      maxLength: MAX_BUFFERED_BYTES,
    });
    // A full or read-only disk must not take the check-in down with it.
    this.boom.on('error', () => {});
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (!this.rotating && this.size > 0 && this.size + bytes > this.maxBytes) void this.rotate();
    this.size += bytes;
    this.boom.write(line);
  }

  flush(): Promise<void> {
    return new Promise((resolve) => {
      try {
        this.boom.flush(() => resolve());
      } catch {
        resolve();
      }
    });
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve) => {
      this.boom.once('close', () => resolve());
      try {
        this.boom.end();
      } catch {
        resolve();
      }
    });
  }

  private rotated(i: number): string {
    const ext = path.extname(this.file);
    return i === 0 ? this.file : `${this.file.slice(0, -ext.length)}.${i}${ext}`;
  }

  private async rotate(): Promise<void> {
    this.rotating = true;
    this.size = 0;
    try {
      await fs.promises.rm(this.rotated(this.maxFiles - 1), { force: true });
      for (let i = this.maxFiles - 2; i >= 0; i--) {
        await fs.promises.rename(this.rotated(i), this.rotated(i + 1)).catch(() => {});
      }
      // Lines still buffered go to the new file once it is open.
      this.boom.reopen();
    } catch {
      // keep logging into the current file
    } finally {
      this.rotating = false;
    }
  }
}

/**
 * pino formats the lines; redact.ts is its formatter, so every field, binding and message passes
 * through the redaction before it is serialised. Lines look like
 * `{"level":"info","time":"<ISO>",...fields,"msg":"..."}`.
 */
function redactingPino(level: LogLevel, destination: pino.DestinationStream): pino.Logger {
  const pino = loadPino();
  return pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {},
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
        log: (fields) => redactValue(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
}

/** The Logger interface over pino: messages are redacted here, fields by the formatter. */
class PinoLogger implements Logger {
  constructor(protected readonly pinoLogger: pino.Logger) {}

  debug(msg: string, fields?: LogFields): void {
    this.pinoLogger.debug(fields ?? {}, redactString(msg));
  }
  info(msg: string, fields?: LogFields): void {
    this.pinoLogger.info(fields ?? {}, redactString(msg));
  }
  warn(msg: string, fields?: LogFields): void {
    this.pinoLogger.warn(fields ?? {}, redactString(msg));
  }
  error(msg: string, fields?: LogFields): void {
    this.pinoLogger.error(fields ?? {}, redactString(msg));
  }
  child(bindings: LogFields): Logger {
    return new PinoLogger(this.pinoLogger.child(bindings));
  }
}

class RootFileLogger extends PinoLogger implements FileLogger {
  constructor(
    pinoLogger: pino.Logger,
    private readonly file: RotatingFile,
  ) {
    super(pinoLogger);
  }
  flush(): Promise<void> {
    return this.file.flush();
  }
  close(): Promise<void> {
    return this.file.close();
  }
}

export function createLogger(opts: FileLoggerOptions): FileLogger {
  const file = new RotatingFile(
    path.join(opts.dataDir, 'logs', opts.fileName ?? 'kiosk.log'),
    opts.maxFileBytes,
    opts.maxFiles,
  );
  const destination: pino.DestinationStream = opts.console
    ? {
        write(line: string): void {
          file.write(line);
          process.stderr.write(line);
        },
      }
    : file;
  return new RootFileLogger(redactingPino(opts.level, destination), file);
}

/** A logger that collects lines in memory (tests): the same formatter as the file. */
export function createMemoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  return { logger: new PinoLogger(redactingPino(level, destination)), lines };
}
