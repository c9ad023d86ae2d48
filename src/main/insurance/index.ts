/** Health-insurance (BHYT) lookup: the BHXH gateway client, its simulator, the result model. */
export {
  createInsuranceService,
  type InsuranceServiceHandle,
  type InsuranceServiceOptions,
} from './insurance-service';
export { openInsurance, type OpenInsuranceOptions, type OpenedInsurance } from './open-insurance';
export {
  startSimulatedGateway,
  SIM_GATEWAY_MODES,
  type SimGatewayHandle,
  type SimGatewayOptions,
  type SimGatewayTestMode,
} from '../../sim/insurance/sim-gateway';
export { SIM_GATEWAY_PASSWORD, SIM_GATEWAY_USERNAME } from '../../sim/insurance/sim-credentials';
export { RESULT_CODES, meaningOf, type ResultCodeMeaning } from './result-codes';
export { decodeCardNumber, BHYT_NUMBER, CCCD_NUMBER } from './card-number';
