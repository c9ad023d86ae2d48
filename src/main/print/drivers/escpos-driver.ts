/** The `escpos` driver: encode the slip, send it over TCP or to a device path. */
import type { KioskConfig } from '../../config/schema';
import { encodeSlip } from '../escpos/encode-slip';
import { sendDevice, sendTcp, type SendReport } from '../escpos/transport';
import { paperSpec } from '../paper';
import { printErrors } from '../print-errors';
import type { SlipModel } from '../slip-model';

export async function printEscpos(
  model: SlipModel,
  printer: KioskConfig['printer'],
): Promise<SendReport> {
  const job = encodeSlip(model, paperSpec(printer.paper));
  const { host, port, devicePath, timeoutMs, statusTimeoutMs } = printer.escpos;
  const timeouts = { timeoutMs, statusTimeoutMs };
  if (host) return sendTcp(host, port, job, timeouts);
  if (devicePath) return sendDevice(devicePath, job, timeouts);
  throw printErrors.badInput('escpos needs printer.escpos.host or printer.escpos.devicePath');
}
