/**
 * Health-insurance (BHYT) lookup: the BHXH gateway client and the result model. The simulated
 * gateway lives in src/sim/insurance; src/main/open-insurance.ts starts it when configured.
 */
export {
  createInsuranceService,
  type InsuranceServiceHandle,
  type InsuranceServiceOptions,
} from './insurance-service';
export { RESULT_CODES, meaningOf, type ResultCodeMeaning } from './result-codes';
export { decodeCardNumber, BHYT_NUMBER, CCCD_NUMBER } from './card-number';
