import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-files';
import type { LogFields, LogLevel, Logger } from './logger';
import { redactString, redactValue } from './redact';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface FileLoggerOptions {
  dataDir: string;
  level: LogLevel;
  maxFileBytes: number;
  maxFiles: number;
  /** Also print to stderr (the desktop app in development). */
  console: boolean;
  fileName?: string;
}

/**
 * Size-rotated JSON-lines file: `logs/kiosk.log`, then `kiosk.1.log` … `kiosk.<maxFiles-1>.log`.
 * Writes are synchronous appends: a line is either in the file or not, even when the process is
 * killed, and a crash report can quote the last lines.
 */
export class RotatingFile {
  private size: number;
  constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly maxFiles: number,
  ) {
    ensurePrivateDir(path.dirname(file));
    this.size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size + bytes > this.maxBytes && this.size > 0) this.rotate();
    try {
      fs.appendFileSync(this.file, line, { mode: PRIVATE_FILE_MODE });
      this.size += bytes;
    } catch {
      // A full or read-only disk must not take the check-in down with it.
    }
  }

  private rotated(i: number): string {
    const ext = path.extname(this.file);
    return i === 0 ? this.file : `${this.file.slice(0, -ext.length)}.${i}${ext}`;
  }

  private rotate(): void {
    try {
      fs.rmSync(this.rotated(this.maxFiles - 1), { force: true });
      for (let i = this.maxFiles - 2; i >= 0; i--) {
        if (fs.existsSync(this.rotated(i))) fs.renameSync(this.rotated(i), this.rotated(i + 1));
      }
    } catch {
      // keep logging into the current file
    }
    this.size = 0;
  }
}

class JsonLogger implements Logger {
  constructor(
    private readonly sink: (line: string) => void,
    private readonly min: number,
    private readonly bindings: LogFields,
  ) {}

  private log(level: LogLevel, msg: string, fields?: LogFields): void {
    if (LEVELS[level] < this.min) return;
    const record = {
      time: new Date().toISOString(),
      level,
      msg: redactString(msg),
      ...(redactValue({ ...this.bindings, ...fields }) as LogFields),
    };
    this.sink(`${JSON.stringify(record)}\n`);
  }

  debug(msg: string, fields?: LogFields): void {
    this.log('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.log('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.log('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.log('error', msg, fields);
  }
  child(bindings: LogFields): Logger {
    return new JsonLogger(this.sink, this.min, { ...this.bindings, ...bindings });
  }
}

export function createLogger(opts: FileLoggerOptions): Logger {
  const file = new RotatingFile(
    path.join(opts.dataDir, 'logs', opts.fileName ?? 'kiosk.log'),
    opts.maxFileBytes,
    opts.maxFiles,
  );
  const sink = (line: string): void => {
    file.write(line);
    if (opts.console) process.stderr.write(line);
  };
  return new JsonLogger(sink, LEVELS[opts.level], {});
}

/** A logger that collects lines in memory (tests). */
export function createMemoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new JsonLogger((l) => lines.push(l), LEVELS[level], {}), lines };
}
