import { loadConfig } from '../config/load-config';
import { describeRenamedKeys } from '../config/renamed-keys';
import type { KioskConfig } from '../config/schema';
import { toErrorShape } from '../../shared/errors';
import {
  checkCardReader,
  checkDataDir,
  checkElectron,
  checkConfigFile,
  checkExecutable,
  checkHis,
  checkLookupService,
  checkNativeModule,
  checkNode,
  checkPcscd,
  checkPrinter,
  checkTimeZone,
  checkSimulation,
  checkStores,
  checkVpcd,
  type CheckResult,
} from './checks';

export interface DoctorReport {
  dataDir: string;
  configFile: string;
  checks: CheckResult[];
  healthy: boolean;
}

export async function runDoctor(dataDir: string): Promise<DoctorReport> {
  const checks: CheckResult[] = [checkNode(), checkDataDir(dataDir)];
  let config: KioskConfig | null = null;
  let configFile = '';
  try {
    const loaded = loadConfig(dataDir);
    configFile = loaded.path;
    config = loaded.config;
    checks.push({
      name: 'configuration',
      status: 'ok',
      detail: loaded.fromFile ? loaded.path : `${loaded.path} (absent: defaults in force)`,
    });
    if (loaded.fromFile) checks.push(checkConfigFile(loaded.path, loaded.config));
    if (loaded.renamedKeys.length > 0) {
      checks.push({
        name: 'configuration keys',
        status: 'warn',
        detail: describeRenamedKeys(loaded.renamedKeys),
      });
    }
  } catch (err) {
    checks.push({ name: 'configuration', status: 'fail', detail: toErrorShape(err).message.en });
  }
  checks.push(
    checkNativeModule('better-sqlite3'),
    checkNativeModule('@pokusew/pcsclite'),
    checkElectron(),
    checkPcscd(),
    checkVpcd(),
    checkExecutable(
      'chromium',
      ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
      'PDF slips and browser tests under Node',
    ),
  );
  if (config) {
    checks.push(checkCardReader(config), checkTimeZone(config), checkSimulation(config));
    // Each is bounded on its own; side by side, doctor waits for the slowest, not their sum.
    const [lookup, his, printer, stores] = await Promise.all([
      checkLookupService(config),
      checkHis(config),
      checkPrinter(config, dataDir),
      checkStores(config, dataDir),
    ]);
    checks.push(lookup, his, printer, ...stores);
  }
  return { dataDir, configFile, checks, healthy: checks.every((c) => c.status !== 'fail') };
}
