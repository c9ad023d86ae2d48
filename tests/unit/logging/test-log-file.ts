import { createLogger, type FileLogger } from '../../../src/main/logging/file-logger';

/** A file logger at info level in `<dataDir>/logs`, no console. */
export function testFileLogger(dataDir: string, maxFileBytes = 1e6, maxFiles = 2): FileLogger {
  return createLogger({ dataDir, level: 'info', maxFileBytes, maxFiles, console: false });
}
