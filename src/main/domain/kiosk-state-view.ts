/**
 * What a public kiosk is told about the person on it: only what its screen shows (name, photo,
 * year of birth, the insurance verdict and coverage, today's visits and numbers). Full CCCD,
 * BHYT and social-insurance numbers, addresses and the treatment history stay in main: anyone
 * at the kiosk can read the renderer's memory or its event stream with a USB keyboard and the
 * right key, and the screen never needs them. Desk and room stations get the full state.
 */
import type {
  CheckinState,
  InsuranceResult,
  PatientView,
  Visit,
  VisitInsurance,
} from '../../shared/domain';

function result(r: InsuranceResult | null): InsuranceResult | null {
  if (!r) return null;
  return {
    ...r,
    card: r.card
      ? { ...r.card, number: '', socialInsuranceNumber: null, address: null, holderName: null }
      : null,
    replacement: r.replacement ? { ...r.replacement, number: null } : null,
    ...(r.cardInUse ? { cardInUse: { ...r.cardInUse, number: '' } } : {}),
    history: [],
  };
}

function insurance(i: VisitInsurance): VisitInsurance {
  return { ...i, result: result(i.result) };
}

function patient<P extends { idNumber: string; cardNumber?: string | null }>(p: P): P {
  return { ...p, idNumber: '', ...(p.cardNumber ? { cardNumber: null } : {}) };
}

export function kioskVisitView(v: Visit): Visit {
  return { ...v, patient: patient(v.patient), insurance: insurance(v.insurance) };
}

function patientView(p: PatientView): PatientView {
  return { ...patient(p), idNumberCheck: null };
}

export function kioskStateView(state: CheckinState): CheckinState {
  switch (state.step) {
    case 'reading':
      return state.patient ? { ...state, patient: patientView(state.patient) } : state;
    case 'looking-up':
    case 'committing':
      return { ...state, patient: patientView(state.patient) };
    case 'see-desk':
      return { ...state, patient: state.patient ? patientView(state.patient) : null };
    case 'choose-department':
      return {
        ...state,
        patient: patientView(state.patient),
        insurance: insurance(state.insurance),
        existingVisits: state.existingVisits.map(kioskVisitView),
      };
    case 'printing':
    case 'done':
      return { ...state, visit: kioskVisitView(state.visit) };
    default:
      return state;
  }
}
