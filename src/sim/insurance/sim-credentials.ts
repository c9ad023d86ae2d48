/**
 * The simulated gateway's account. Test values, published on purpose: the simulator accepts
 * nothing else, and the real gateway never sees them.
 */
export const SIM_GATEWAY_USERNAME = '01001_BV';
export const SIM_GATEWAY_PASSWORD = 'mo-phong-01001';
