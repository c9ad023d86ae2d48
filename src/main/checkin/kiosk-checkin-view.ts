/** The check-in as a public kiosk's API and events see it: every state and visit trimmed. */
import { kioskStateView, kioskVisitView } from '../domain/kiosk-state-view';
import type { CheckinService } from '../services-contract';

export function kioskCheckinView(checkin: CheckinService): CheckinService {
  return {
    ...bind(checkin),
    current: () => kioskStateView(checkin.current()),
    onState: (listener) => checkin.onState((state) => listener(kioskStateView(state))),
    choose: async (department, lane) => kioskVisitView(await checkin.choose(department, lane)),
    noDocuments: async () => kioskVisitView(await checkin.noDocuments()),
  };
}

/** The service's own methods, bound (it is a class instance: spreading it copies none). */
function bind(c: CheckinService): CheckinService {
  return {
    current: () => c.current(),
    onState: (l) => c.onState(l),
    provideKey: (k) => c.provideKey(k),
    present: (t) => c.present(t),
    withoutCard: () => c.withoutCard(),
    noDocuments: () => c.noDocuments(),
    faceResult: (r) => c.faceResult(r),
    manualIdentity: (i) => c.manualIdentity(i),
    choose: (d, l) => c.choose(d, l),
    override: (d, n) => c.override(d, n),
    acceptChip: (o) => c.acceptChip(o),
    claimReprint: () => c.claimReprint(),
    retry: () => c.retry(),
    reset: () => c.reset(),
    setInsuranceChecking: (e) => c.setInsuranceChecking(e),
    insuranceChecking: () => c.insuranceChecking(),
    close: () => c.close(),
  };
}
