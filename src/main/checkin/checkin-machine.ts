/**
 * The check-in of one person at a time: identity (chip, QR key or typed) → insurance (online,
 * cached or pending) → visit with its queue number → slip. Each step is a CheckinState pushed to
 * listeners; each failure is a state the person or staff can recover from (retry, new key, staff
 * decision, reset). Work started for a person who has since been reset is dropped when it ends
 * (session check), so nothing of theirs reappears on screen.
 */
import type {
  FaceCheckReport,
  FacePolicy,
  FaceVerification,
  StationMode,
  AccessKeyInput,
  BookedAppointment,
  CardIdentity,
  CardReadResult,
  CheckingOfficer,
  CheckinState,
  InsuranceQuery,
  KioskErrorShape,
  Lane,
  LawPriority,
  ManualIdentityInput,
  PresentedDocument,
  PatientView,
  ReaderState,
  ReaderStatus,
  StaffOverride,
  TreatmentHistory,
  Visit,
} from '../../shared/domain';
import { LANES, lanesFor } from '../../shared/domain';
import { toErrorShape } from '../../shared/errors';
import { hospitalDay } from '../../shared/hospital-day';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { CardReaderService, CheckinService, InsuranceService } from '../services-contract';
import type {
  EvidenceStore,
  HisHandOffStore,
  LookupCacheStore,
  VisitStore,
} from '../store/store-ports';
import {
  chipAcceptor,
  chipTrustVerdict,
  chipVerificationOf,
  type ChipAcceptance,
  type ChipTrustPolicy,
} from '../domain/chip-trust';
import {
  decideFace,
  faceCheckApplies,
  faceErrors,
  faceVerificationOf,
  missingFaceCheck,
} from '../domain/face-decision';
import { checkinErrors } from '../domain/checkin-errors';
import {
  applyOverride,
  decideInsurance,
  isUsableAnswer,
  type InsuranceDecision,
  type LookupAttempt,
} from '../domain/insurance-decision';
import { openStayElsewhere, stayElsewhereNeedsStaff } from '../domain/treatment-elsewhere';
import { createListeners } from '../util/listeners';
import { mayReprintOnDone } from '../domain/reprint-policy';
import { lookupWithinBudget } from './lookup-within-budget';
import {
  failedLookupEvidence,
  lookupEndpoint,
  type FailedLookupEvidence,
} from '../evidence/failed-lookup';
import { validateManualIdentity } from './manual-identity';
import {
  patientFromBhytQr,
  patientFromCard,
  patientFromIdentity,
  patientFromKnown,
  patientFromManual,
  unidentifiedPatient,
} from '../domain/patient-view';
import {
  readPresentedInput,
  toKioskError,
  type BhytQr,
  type TypedNumber,
} from '../../shared/presented-input';
import { cardGroupOf } from '../domain/current-card';
import { cardInUseOf } from '../../shared/domain';
import { lawPriority } from '../domain/law-priority';
import { keyOfTyped, patientKeys } from '../domain/patient-keys';
import { photoAsJpeg } from '../card/photo-jpeg';
import type { PrintVisit } from './print-visit';
import type { FindBooking } from './booked-appointment';

export interface CheckinMachineOptions {
  /**
   * The officer a desk's lookups carry (the signed-in one; null: nobody signed in). Absent: the
   * configured insurance.officer (a kiosk's).
   */
  officer?: () => CheckingOfficer | null;
  config: KioskConfig;
  logger: Logger;
  store: VisitStore & LookupCacheStore & HisHandOffStore & EvidenceStore;
  cards: CardReaderService;
  insurance: InsuranceService;
  printVisit: PrintVisit;
  now: () => Date;
  /** The reader this station reads from; null: whichever reader a card appears on. */
  readerName: string | null;
  /** How long CARD_REMOVED stays on screen before going back to "place the card". */
  cardRemovedHoldMs: number;
  /** A whole chip read gives up after this long (each APDU has its own, shorter timeout). */
  readTimeoutMs: number;
  /**
   * A person who walks away while the station waits for them (key, card, department, an error
   * to acknowledge) is forgotten after this long, even if the screen never says so (a crashed
   * or reloaded renderer). Null: never (a desk, where staff come back to their work).
   */
  idleTimeoutMs: number | null;
  onVisitsChanged: (date: string) => void;
  onRechecksChanged: () => void;
  /** Today's HIS booking of a person (his.appointments); absent: nobody is booked. */
  findBooking?: FindBooking | null;
}

type FailedStep = 'read' | 'lookup' | 'commit' | 'print';

interface Session {
  id: number;
  abort: AbortController;
  reader: string | null;
  key: AccessKeyInput | null;
  patient: PatientView | null;
  query: InsuranceQuery | null;
  /** The treatment history once it arrived (asked alongside the lookup, never awaited). */
  history: TreatmentHistory | null;
  decision: InsuranceDecision | null;
  existing: Visit[];
  failed: FailedStep | null;
  choice: { department: string; lane: Lane } | null;
  visit: Visit | null;
  reprint: boolean;
  /** Slips printed again from the done screen (domain/reprint-policy). */
  reprinted: number;
  /** The identity part of the chip read, cached only once the chip is trusted. */
  identity: CardIdentity | null;
  /** Staff at the desk accepted a chip its own checks did not make trusted (domain/chip-trust). */
  chipAcceptance: ChipAcceptance | null;
  /** The face check's decision (../domain/face-decision.ts); null until the screen reports. */
  face: FaceVerification | null;
  /** The failed lookup of this check-in, kept with the visit once it exists (QĐ 2555). */
  evidence: FailedLookupEvidence | null;
  /** The HIS booking this person is checked in for (no choosing), when one was found. */
  booking: BookedAppointment | null;
  /** What the person showed (issue 21); a chip read makes it `chip`. */
  document: PresentedDocument | null;
  /** A child's guardian from the BHYT card QR, kept on the visit for every print of the slip. */
  guardianName: string | null;
  /** The lane the law gives and why (computed when the choice is shown). */
  priority: LawPriority | null;
  /** This check-in is a ticket for the reception desk (no identity to check in with). */
  deskTicket: boolean;
  /** The desk is completing this ticket: it keeps its number (store.completeTicket). */
  ticket: Visit | null;
}

/** Steps that wait for the person, not for a device or a service (those have their own timeouts). */
const WAITING_STEPS = new Set<CheckinState['step']>([
  'need-key',
  'need-card',
  'choose-department',
  'see-desk',
  'error',
]);

const BUSY_STEPS = new Set<CheckinState['step']>([
  'reading',
  'looking-up',
  'committing',
  'printing',
  'choose-department',
]);

const IDENTITY_FIELDS: ReadonlyArray<keyof CardIdentity> = [
  'idNumber',
  'fullName',
  'dateOfBirth',
  'sex',
  'nationality',
  'ethnicity',
  'religion',
  'placeOfOrigin',
  'placeOfResidence',
  'personalIdentification',
  'dateOfIssue',
  'dateOfExpiry',
  'fatherName',
  'motherName',
  'spouseName',
  'oldIdNumber',
];

/** The identity part of a read, without MRZ, photo or statistics, for the cache. */
function identityOf(result: CardReadResult): CardIdentity {
  const out: Record<string, unknown> = {};
  for (const k of IDENTITY_FIELDS) out[k] = result[k];
  return out as unknown as CardIdentity;
}

/** The lookup cache's key: the CCCD number, or the card of a person who has none (a child). */
const lookupCacheKey = (patient: PatientView): string =>
  patient.idNumber || `bhyt:${patient.cardNumber ?? ''}`;

const hasCard = (s: ReaderState | undefined): boolean => s === 'card-present' || s === 'reading';

export class CheckinMachine implements CheckinService {
  private state: CheckinState = { step: 'idle' };
  private session: Session;
  private nextId = 1;
  private checking: boolean;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly stateListeners;
  private readonly readerStates = new Map<string, ReaderState>();
  private readonly unsubscribeReaders: () => void;
  private readonly log: Logger;

  constructor(private readonly o: CheckinMachineOptions) {
    this.log = o.logger.child({ svc: 'checkin' });
    this.stateListeners = createListeners<CheckinState>((err) =>
      this.log.warn('state listener failed', { code: toErrorShape(err).code }),
    );
    this.checking = o.config.insurance.enabled;
    this.session = this.freshSession();
    for (const r of o.cards.readers()) {
      if (this.relevant(r.name)) this.readerStates.set(r.name, r.state);
    }
    this.unsubscribeReaders = o.cards.onReadersChanged((list) => this.onReaders(list));
  }

  // ---------------------------------------------------------------------------- CheckinService

  current(): CheckinState {
    return this.state;
  }

  onState(listener: (state: CheckinState) => void): () => void {
    return this.stateListeners.on(listener);
  }

  /**
   * Anything typed or scanned, routed by its shape (src/shared/presented-input): a CCCD QR or a
   * typed ID number is the chip's key; a BHYT card QR checks in by the card; a typed BHYT code or
   * social-insurance number finds a returning patient, or gives a desk ticket. Bad text is one
   * typed INPUT_* error and changes nothing.
   */
  async present(text: string): Promise<void> {
    const read = readPresentedInput(text);
    if (!read.ok) throw toKioskError(read.error);
    const input = read.value;
    switch (input.kind) {
      // The chip is the document once read; "without the card" keeps what was shown.
      case 'cccd-qr':
        return this.provideKey({ kind: 'qr', text: input.text });
      case 'typed-cccd':
        return this.provideKey({ kind: 'id', idNumber: input.idNumber });
      case 'bhyt-qr':
        return this.bhytCard(input.card);
      case 'typed-bhyt':
      case 'typed-social-insurance':
        return this.typedNumber(input);
    }
  }

  /**
   * The person at "place your card" has none with them: a returning patient goes on with what
   * the station knew of their ID number (a CCCD QR: with its own name and date of birth, for the
   * service to confirm), anyone else gets a desk ticket.
   */
  async withoutCard(): Promise<void> {
    if (this.state.step !== 'need-card') {
      throw checkinErrors.wrongStep('withoutCard', this.state.step);
    }
    const key = this.session.key;
    const read = key?.kind === 'qr' ? readPresentedInput(key.text) : null;
    const qr = read?.ok && read.value.kind === 'cccd-qr' ? read.value.qr : null;
    if (qr) return this.typedNumber({ kind: 'typed-cccd', idNumber: qr.idNumber }, qr);
    if (key?.kind === 'id' || key?.kind === 'id-dob') {
      return this.typedNumber({ kind: 'typed-cccd', idNumber: key.idNumber });
    }
    this.startSession();
    await this.deskTicket('none');
  }

  /** "Không có giấy tờ / No documents": a number in the reception desk's queue. */
  async noDocuments(): Promise<Visit> {
    this.refuseWhenBusy();
    this.startSession();
    return this.deskTicket('none');
  }

  /** A BHYT card QR (paper, plastic or VssID): the lookup by its code, name and date of birth. */
  private async bhytCard(card: BhytQr): Promise<void> {
    this.refuseWhenBusy();
    this.startSession();
    const s = this.session;
    s.patient = patientFromBhytQr(card);
    s.document = 'bhyt-qr';
    s.guardianName = card.guardianName;
    s.query = { cardNumber: card.cardCode, fullName: card.fullName, dateOfBirth: card.dateOfBirth };
    this.log.info('bhyt card qr', { parts: card.parts, tenDigits: card.groupCode === null });
    await this.runLookup();
  }

  /**
   * A number alone: the returning patient the station knows by it checks in with the name and
   * date of birth it knew, asked of the service afresh; anyone else gets a desk ticket, never a
   * dead end. `qr`: a CCCD QR without its card, whose own name and date of birth may be asked.
   */
  private async typedNumber(
    typed: TypedNumber,
    qr?: { idNumber: string; fullName: string; dateOfBirth: string; sex: 'M' | 'F' | null },
  ): Promise<void> {
    this.refuseWhenBusy();
    this.startSession();
    const s = this.session;
    const document: PresentedDocument = qr ? 'cccd-qr' : typed.kind;
    const found = await this.o.store.findPatient(keyOfTyped(typed)).catch((err: unknown) => {
      this.log.warn('returning patient not looked up', { code: toErrorShape(err).code });
      return null;
    });
    if (!this.live(s)) return;
    const known = found?.patient ?? (qr ? { ...qr, cardNumber: null } : null);
    this.log.info('typed number', { kind: typed.kind, known: Boolean(found), qr: Boolean(qr) });
    if (!known?.dateOfBirth) {
      await this.deskTicket(document);
      return;
    }
    s.document = document;
    s.patient = { ...patientFromKnown(known), ...(found ? {} : { source: 'qr' as const }) };
    const typedCard =
      typed.kind === 'typed-bhyt'
        ? typed.cardCode
        : typed.kind === 'typed-social-insurance'
          ? typed.socialInsuranceNumber
          : null;
    const card = known.cardNumber ?? typedCard;
    const asked = { fullName: known.fullName, dateOfBirth: known.dateOfBirth };
    s.query = known.idNumber
      ? { idNumber: known.idNumber, ...asked }
      : { cardNumber: card!, ...asked };
    await this.runLookup();
  }

  /** A number in the reception desk's queue for someone the station cannot check in itself. */
  private async deskTicket(document: PresentedDocument): Promise<Visit> {
    const s = this.session;
    s.patient = unidentifiedPatient();
    s.document = document;
    s.deskTicket = true;
    s.decision = {
      insurance: {
        source: 'disabled',
        result: null,
        cachedAt: null,
        stale: false,
        note: 'desk ticket: identity and insurance at the reception desk',
      },
      needsStaff: null,
      recheck: false,
    };
    s.choice = { department: this.o.config.arrivals.reception.code, lane: 'normal' };
    this.log.info('desk ticket', { document });
    return this.runCommit();
  }

  async provideKey(key: AccessKeyInput): Promise<void> {
    this.refuseWhenBusy();
    let reader: string | null = null;
    if (this.state.step === 'need-key') {
      reader = this.state.reader;
    } else {
      if (this.state.step === 'error' && this.session.failed === 'read')
        reader = this.session.reader;
      this.startSession();
    }
    reader = reader && this.cardOn(reader) ? reader : this.readerWithCard();
    this.session.key = key;
    this.session.reader = reader;
    if (!reader) {
      this.set({ step: 'need-card' });
      return;
    }
    await this.runRead();
  }

  async manualIdentity(input: ManualIdentityInput): Promise<void> {
    const valid = validateManualIdentity(input, this.today(this.o.now()));
    this.refuseWhenBusy();
    const ticket = input.ticketVisitId ? await this.o.store.getVisit(input.ticketVisitId) : null;
    if (input.ticketVisitId && (!ticket || ticket.status !== 'active' || ticket.patient.fullName)) {
      throw checkinErrors.visitNotFound(input.ticketVisitId);
    }
    this.refuseWhenBusy();
    this.startSession();
    const s = this.session;
    s.ticket = ticket;
    s.patient = patientFromManual(valid);
    s.document = input.document ?? 'typed-cccd';
    s.query = valid.cardNumber
      ? { cardNumber: valid.cardNumber, fullName: valid.fullName, dateOfBirth: valid.dateOfBirth }
      : { idNumber: valid.idNumber, fullName: valid.fullName, dateOfBirth: valid.dateOfBirth };
    this.log.info('manual identity', { withCardNumber: Boolean(valid.cardNumber) });
    await this.runLookup();
  }

  async choose(department: string, lane: Lane): Promise<Visit> {
    if (this.state.step !== 'choose-department') {
      throw checkinErrors.wrongStep('choose', this.state.step);
    }
    if (!this.o.config.departments.some((d) => d.code === department)) {
      throw checkinErrors.unknownDepartment(String(department));
    }
    if (!LANES.includes(lane)) throw checkinErrors.unknownLane(String(lane));
    if (!lanesFor(this.o.config.station.mode).includes(lane)) throw checkinErrors.laneNotHere(lane);
    const needsStaff = this.session.decision?.needsStaff;
    if (needsStaff) throw checkinErrors.needsStaff(needsStaff.code);
    const faceMissing = missingFaceCheck(
      this.session.patient!,
      this.session.face,
      this.faceRules(),
    );
    if (faceMissing) throw faceMissing;
    this.session.choice = { department, lane };
    return this.runCommit();
  }

  /**
   * The camera step's report (issue 23), once per person, while they choose: main decides what
   * it means (../domain/face-decision.ts). A no-match puts the staff notice on screen, as an
   * unverified chip does. Only the decision is kept; the report never carries a frame.
   */
  async faceResult(report: FaceCheckReport): Promise<FaceVerification> {
    if (this.state.step !== 'choose-department') {
      throw checkinErrors.wrongStep('faceResult', this.state.step);
    }
    const s = this.session;
    if (
      s.patient!.source !== 'chip' ||
      !faceCheckApplies(this.faceRules(), this.o.config.face.atDesk)
    ) {
      throw faceErrors.notAsked();
    }
    // One report per person: a screen may not retry until a photo of the holder passes.
    if (s.face) throw checkinErrors.wrongStep('faceResult', 'face-decided');
    const outcome = decideFace(report, this.faceRules());
    s.face = outcome.verification;
    if (outcome.needsStaff && !s.decision!.needsStaff) {
      s.decision!.needsStaff = outcome.needsStaff.toShape();
    }
    this.log.info('face decided', {
      decision: outcome.verification.decision,
      liveness: outcome.verification.liveness,
      needsStaff: outcome.needsStaff?.code ?? null,
    });
    this.showChoice();
    return outcome.verification;
  }

  private faceRules(): { policy: FacePolicy; threshold: number; mode: StationMode } {
    return {
      policy: this.o.config.face.policy,
      threshold: this.o.config.face.threshold,
      mode: this.o.config.station.mode,
    };
  }

  async override(decision: StaffOverride, note?: string): Promise<void> {
    if (this.state.step !== 'choose-department') {
      throw checkinErrors.wrongStep('override', this.state.step);
    }
    const s = this.session;
    const current = s.decision!;
    const cached =
      decision === 'use-cached' ? await this.o.store.getLookup(lookupCacheKey(s.patient!)) : null;
    // The person may have been reset while the store answered.
    if (!this.live(s) || this.state.step !== 'choose-department') return;
    s.decision = applyOverride({
      decision,
      note: note?.trim() ? note.trim().slice(0, 500) : null,
      current: current.insurance,
      cached,
      now: this.o.now(),
      cacheMaxAgeHours: this.o.config.insurance.cacheMaxAgeHours,
    });
    this.log.info('staff override', { decision, recheck: s.decision.recheck });
    this.showChoice();
  }

  /**
   * Staff at the desk accept a chip whose own checks did not make its data trusted (they looked
   * at the card and the person). Only now is the identity cached and looked up.
   */
  async acceptChip(officer?: { name: string; idNumber: string } | null): Promise<void> {
    if (this.state.step !== 'see-desk') {
      throw checkinErrors.wrongStep('acceptChip', this.state.step);
    }
    const s = this.session;
    s.chipAcceptance = {
      by: chipAcceptor(officer, this.o.config.insurance.officer, this.o.config.station.id),
      at: this.o.now().toISOString(),
    };
    this.log.info('chip accepted by staff', { station: this.o.config.station.id });
    await this.actOnChip(s);
  }

  /** The visit on the done screen, to print again, within the station's limit. */
  claimReprint(): Visit {
    if (this.state.step !== 'done') throw checkinErrors.wrongStep('reprint', this.state.step);
    const s = this.session;
    if (!mayReprintOnDone(this.o.config.station.mode, s.reprinted)) {
      throw checkinErrors.reprintLimit();
    }
    s.reprinted += 1;
    return this.state.visit;
  }

  async retry(): Promise<void> {
    const s = this.session;
    const step = this.state.step;
    if (step === 'error' && s.failed === 'read') {
      if (!s.key) {
        this.set({ step: 'need-key', reader: s.reader ?? '', lastError: null });
        return;
      }
      const reader = s.reader && this.cardOn(s.reader) ? s.reader : this.readerWithCard();
      s.reader = reader;
      if (!reader) {
        this.set({ step: 'need-card' });
        return;
      }
      return this.runRead();
    }
    if (step === 'error' && s.failed === 'lookup') return this.runLookup();
    if (step === 'error' && s.failed === 'commit') {
      await this.runCommit().catch(() => undefined); // the error is on screen as the state
      return;
    }
    if (step === 'done' && s.failed === 'print') {
      await this.runPrint(s);
      return;
    }
    throw checkinErrors.nothingToRetry(step);
  }

  reset(): void {
    this.startSession();
    this.set({ step: 'idle' });
  }

  setInsuranceChecking(enabled: boolean): void {
    this.checking = enabled;
    this.log.info('insurance checking', { enabled });
  }

  insuranceChecking(): boolean {
    return this.checking;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.reset();
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.unsubscribeReaders();
    this.stateListeners.clear();
  }

  // ---------------------------------------------------------------------------- sessions

  private freshSession(): Session {
    return {
      id: this.nextId++,
      abort: new AbortController(),
      reader: null,
      key: null,
      patient: null,
      query: null,
      history: null,
      decision: null,
      existing: [],
      failed: null,
      choice: null,
      visit: null,
      reprint: false,
      reprinted: 0,
      identity: null,
      chipAcceptance: null,
      face: null,
      evidence: null,
      booking: null,
      document: null,
      guardianName: null,
      priority: null,
      deskTicket: false,
      ticket: null,
    };
  }

  /** Drops the previous person entirely: in-flight work is aborted and its results ignored. */
  private startSession(): void {
    this.clearTimer();
    this.session.abort.abort(new Error('check-in reset'));
    this.session = this.freshSession();
  }

  private today(at: Date): string {
    return hospitalDay(at, this.o.config.hospital.timeZone);
  }

  private live(s: Session): boolean {
    return !this.closed && s === this.session;
  }

  private set(state: CheckinState): void {
    if (this.closed) return;
    this.state = state;
    this.log.debug('state', { step: state.step });
    this.armIdleTimeout(state);
    this.stateListeners.emit(state);
  }

  /** Every state change restarts the wait; only a state nobody moved on from is reset. */
  private armIdleTimeout(state: CheckinState): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const ms = this.o.idleTimeoutMs;
    if (ms === null || !WAITING_STEPS.has(state.step)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed || this.state !== state) return;
      this.log.info('idle timeout: check-in reset', { step: state.step });
      this.reset();
    }, ms);
    this.idleTimer.unref();
  }

  private fail(s: Session, step: FailedStep, error: KioskErrorShape, canRetry: boolean): void {
    s.failed = step;
    this.set({ step: 'error', error, canRetry });
  }

  private refuseWhenBusy(): void {
    if (BUSY_STEPS.has(this.state.step)) throw checkinErrors.busy(this.state.step);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private later(ms: number, s: Session, action: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.live(s)) action();
    }, ms);
    this.timer.unref();
  }

  /** Detached work (started by a reader event) must not leave an unhandled rejection. */
  private detach(s: Session, work: Promise<unknown>): void {
    work.catch((err: unknown) => {
      if (this.live(s)) this.fail(s, 'read', toErrorShape(err), true);
    });
  }

  // ---------------------------------------------------------------------------- readers

  private relevant(name: string): boolean {
    return this.o.readerName === null || name === this.o.readerName;
  }

  private cardOn(reader: string): boolean {
    return hasCard(this.readerStates.get(reader));
  }

  private readerWithCard(): string | null {
    for (const r of this.o.cards.readers()) {
      if (this.relevant(r.name) && r.state === 'card-present') return r.name;
    }
    return null;
  }

  private onReaders(list: ReaderStatus[]): void {
    const seen = new Set<string>();
    for (const r of list) {
      if (!this.relevant(r.name)) continue;
      seen.add(r.name);
      const before = this.readerStates.get(r.name);
      this.readerStates.set(r.name, r.state);
      if (!hasCard(before) && r.state === 'card-present') this.cardArrived(r.name);
      else if (hasCard(before) && !hasCard(r.state)) this.cardLeft(r.name);
    }
    for (const [name, before] of [...this.readerStates]) {
      if (seen.has(name)) continue;
      this.readerStates.delete(name);
      if (hasCard(before)) this.cardLeft(name);
    }
  }

  /** A new person at the reader: whoever was on screen is dropped, the card's key is asked. */
  private newPersonAt(reader: string): void {
    this.startSession();
    this.session.reader = reader;
    this.set({ step: 'need-key', reader, lastError: null });
  }

  private cardArrived(reader: string): void {
    if (this.closed) return;
    const s = this.session;
    switch (this.state.step) {
      // A card placed while someone's choice is on screen is the next person's: the one who
      // walked away must not be shown to them, nor get a number from their taps.
      case 'idle':
      case 'done':
      case 'choose-department':
      case 'see-desk':
        this.newPersonAt(reader);
        return;
      case 'need-key':
        s.reader = reader;
        this.set({ ...this.state, reader });
        return;
      case 'need-card':
        s.reader = reader;
        this.detach(s, this.runRead());
        return;
      case 'error':
        // Only a failed read is this card's to retry; after any other failure it is a new person.
        if (s.failed !== 'read') return this.newPersonAt(reader);
        s.reader = reader;
        if (s.key) this.detach(s, this.runRead());
        else this.set({ step: 'need-key', reader, lastError: null });
        return;
      default:
        return;
    }
  }

  private cardLeft(reader: string): void {
    if (this.state.step === 'need-key' && this.state.reader === reader) this.reset();
  }

  // ---------------------------------------------------------------------------- steps

  private async runRead(): Promise<void> {
    const s = this.session;
    const reader = s.reader!;
    const key = s.key!;
    s.failed = null;
    this.set({ step: 'reading', progress: { phase: 'connect', percent: 0 } });
    let out;
    let early: PatientView | undefined;
    try {
      out = await this.o.cards.read(reader, key, {
        signal: AbortSignal.any([s.abort.signal, AbortSignal.timeout(this.o.readTimeoutMs)]),
        onProgress: (progress) => {
          if (this.live(s) && this.state.step === 'reading')
            this.set({ step: 'reading', progress, ...(early ? { patient: early } : {}) });
        },
        // The desk sees who is being read while the photo (most of the bytes) is still coming.
        // A kiosk shows nothing of the chip before it is verified (domain/chip-trust).
        onIdentity: (identity) => {
          if (!this.live(s) || this.state.step !== 'reading' || !this.isDesk()) return;
          early = patientFromIdentity(identity);
          this.set({ step: 'reading', progress: this.state.progress, patient: early });
        },
      });
    } catch (err) {
      if (this.live(s)) this.readFailed(s, toErrorShape(err));
      return;
    }
    if (!this.live(s)) return;
    s.patient = patientFromCard({
      ...out,
      photoJpeg:
        out.result.photo.format === 'jpeg' ? null : photoAsJpeg(out.result.photo.format, out.photo),
    });
    s.identity = identityOf(out.result);
    s.document = 'chip';
    s.query = {
      idNumber: out.result.idNumber,
      fullName: out.result.fullName,
      dateOfBirth: out.result.dateOfBirth ?? '',
    };
    await this.actOnChip(s);
  }

  private isDesk(): boolean {
    return this.o.config.station.mode === 'desk';
  }

  private trustPolicy(): ChipTrustPolicy {
    const { requireVerifiedChip, requireChipAuthentication } = this.o.config.reader;
    return { requireVerifiedChip, requireChipAuthentication };
  }

  /**
   * The verdict first, then the actions it protects: an untrusted chip's data is not cached,
   * not looked up, not searched in the HIS and not shown on a kiosk ("please see the desk").
   */
  private async actOnChip(s: Session): Promise<void> {
    const verdict = chipTrustVerdict(s.patient!, this.trustPolicy(), s.chipAcceptance);
    if (!verdict.trusted) {
      this.log.info('chip not trusted: staff needed', { code: verdict.problem.code });
      this.set({
        step: 'see-desk',
        problem: verdict.problem.toShape(),
        patient: this.isDesk() ? s.patient! : null,
      });
      return;
    }
    try {
      await this.o.store.saveIdentity(s.identity!, this.o.now().toISOString());
    } catch (err) {
      // The cache is a convenience; the check-in goes on (a full disk shows at the commit).
      this.log.warn('identity not cached', { code: toErrorShape(err).code });
    }
    if (!this.live(s)) return;
    await this.runLookup();
  }

  private readFailed(s: Session, error: KioskErrorShape): void {
    switch (error.code) {
      case 'CARD_WRONG_KEY':
      case 'CARD_KEY_NEEDS_DOB': // a BAC-only card and the ID number alone: ask for the QR
        s.key = null;
        this.set({ step: 'need-key', reader: s.reader ?? '', lastError: error });
        return;
      case 'CARD_REMOVED':
      case 'CARD_NO_CARD':
        this.fail(s, 'read', error, true);
        this.later(this.o.cardRemovedHoldMs, s, () => {
          if (this.state.step !== 'error') return;
          if (s.key) this.set({ step: 'need-card' });
          else this.reset();
        });
        return;
      default:
        this.fail(
          s,
          'read',
          error,
          error.code !== 'CARD_NOT_CCCD' && !error.code.startsWith('CARD_DATA_'),
        );
    }
  }

  private async lookup(s: Session): Promise<LookupAttempt> {
    if (!this.checking) return { kind: 'disabled' };
    const askedAt = this.o.now();
    const started = Date.now();
    const attempt = await lookupWithinBudget(
      this.o.insurance,
      s.query!,
      this.o.config.insurance.checkinBudgetMs,
      s.abort.signal,
      this.o.officer ? this.o.officer() : undefined,
    );
    s.evidence = failedLookupEvidence(
      attempt,
      s.query!,
      askedAt,
      Date.now() - started,
      lookupEndpoint(this.o.config.insurance),
      s.document,
    );
    return attempt;
  }

  private async runLookup(): Promise<void> {
    const s = this.session;
    const patient = s.patient!;
    s.failed = null;
    this.set({ step: 'looking-up', patient });
    // The HIS is asked while the insurance answers: a booking costs the person no extra wait.
    const bookingSearch =
      this.o.findBooking && patient.idNumber
        ? this.o.findBooking(patient.idNumber, this.today(this.o.now()), s.abort.signal)
        : Promise.resolve(null);
    this.askHistory(s);
    const attempt = await this.lookup(s);
    const booking = await bookingSearch;
    if (!this.live(s)) return;
    const now = this.o.now();
    try {
      const answered = attempt.kind === 'answered' && isUsableAnswer(attempt.result);
      const cacheKey = lookupCacheKey(patient);
      if (answered) await this.cacheLookup(cacheKey, attempt.result);
      const cached =
        answered || attempt.kind === 'disabled' ? null : await this.o.store.getLookup(cacheKey);
      const decision = decideInsurance({
        attempt,
        cached,
        now,
        timeZone: this.o.config.hospital.timeZone,
        cacheMaxAgeHours: this.o.config.insurance.cacheMaxAgeHours,
      });
      // The card in force (the new one of a 003/004 once started) goes on the visit and slip.
      const current = cardInUseOf(decision.insurance.result, this.today(now))?.number ?? null;
      if (current) patient.cardNumber = current;
      // Remembered only on a verdict: a trusted chip (settled before the lookup), or the service
      // confirming this card with this name and date of birth; never a QR or a typed number on
      // its own word.
      if (answered && attempt.result.mayUseInsurance) {
        await this.rememberPatient(patient, attempt.result);
      }
      const existing = patient.idNumber
        ? await this.o.store.visitsOfPerson(this.today(now), patient.idNumber)
        : [];
      if (!this.live(s)) return;
      s.decision = decision;
      s.existing = existing;
      s.booking = booking;
    } catch (err) {
      if (this.live(s)) this.fail(s, 'lookup', toErrorShape(err), true);
      return;
    }
    this.log.info('insurance decided', {
      source: s.decision.insurance.source,
      outcome: s.decision.insurance.result?.outcome ?? null,
      needsStaff: s.decision.needsStaff?.code ?? null,
      existing: s.existing.length,
      booked: s.booking !== null,
    });
    // A booked person goes to the booked department without choosing, unless staff must
    // decide first (then the choice screen, with staff, as for anyone).
    // A completed desk ticket stays where its number is (no choosing), unless staff must decide.
    if (s.ticket && !s.decision.needsStaff) {
      s.choice = { department: s.ticket.department, lane: s.ticket.lane };
      await this.runCommit().catch(() => undefined); // the error is on screen as the state
      return;
    }
    if (s.booking && !s.decision.needsStaff) {
      s.choice = { department: s.booking.department, lane: 'normal' };
      await this.runCommit().catch(() => undefined); // the error is on screen as the state
      return;
    }
    this.showChoice();
  }

  private async cacheLookup(
    idNumber: string,
    result: Parameters<LookupCacheStore['saveLookup']>[1],
  ): Promise<void> {
    try {
      await this.o.store.saveLookup(idNumber, result, this.o.now().toISOString());
    } catch (err) {
      this.log.warn('lookup not cached', { code: toErrorShape(err).code });
    }
  }

  /**
   * The treatment history runs alongside the card check within its own budget and is never
   * awaited: it never delays nor fails the check-in. When it arrives while this person is
   * still choosing, the screen gets it, and a kiosk sends a person still under treatment
   * elsewhere to the desk.
   */
  private askHistory(s: Session): void {
    const ask = this.o.insurance.history;
    if (!ask || !this.checking || !s.query) return;
    const officer = this.o.officer ? this.o.officer() : undefined;
    void ask
      .call(this.o.insurance, s.query, {
        signal: s.abort.signal,
        ...(officer === undefined ? {} : { officer }),
      })
      .then(
        (history) => {
          if (!this.live(s)) return;
          s.history = history;
          if (this.state.step === 'choose-department') this.showChoice();
        },
        () => undefined, // history() never rejects; a bug here must not touch the check-in
      );
  }

  private showChoice(): void {
    const s = this.session;
    const patient = s.patient!;
    s.priority = lawPriority(
      { dateOfBirth: patient.dateOfBirth, cardGroup: cardGroupOf(patient.cardNumber ?? null) },
      this.today(this.o.now()),
      this.o.config.arrivals.priority,
    );
    const stay = openStayElsewhere(s.history, this.o.config.hospital.facilityCode);
    const decision = s.decision!;
    decision.needsStaff ??= stayElsewhereNeedsStaff(this.o.config.station.mode, stay);
    this.set({
      step: 'choose-department',
      patient,
      insurance: decision.insurance,
      needsStaff: decision.needsStaff,
      existingVisits: s.existing,
      priority: s.priority,
      // The history's diagnoses are for staff: a public kiosk screen never receives them.
      ...(this.o.config.station.mode === 'desk'
        ? { history: s.history, openStayElsewhere: stay }
        : {}),
    });
  }

  private async rememberPatient(
    patient: PatientView,
    result: Parameters<LookupCacheStore['saveLookup']>[1],
  ): Promise<void> {
    const s = this.session;
    const keys = patientKeys(
      patient.idNumber,
      [patient.cardNumber ?? null, s.query?.cardNumber ?? null],
      result,
    );
    try {
      await this.o.store.rememberPatient(
        keys,
        {
          idNumber: patient.idNumber || null,
          cardNumber: patient.cardNumber ?? null,
          socialInsuranceNumber: result.card?.socialInsuranceNumber ?? null,
          fullName: patient.fullName,
          dateOfBirth: patient.dateOfBirth,
          sex: patient.sex,
          source: patient.source === 'chip' ? 'chip' : 'gateway',
        },
        this.o.now().toISOString(),
      );
    } catch (err) {
      this.log.warn('returning patient not remembered', { code: toErrorShape(err).code });
    }
  }

  private async runCommit(): Promise<Visit> {
    const s = this.session;
    const patient = s.patient!;
    const decision = s.decision!;
    const { department, lane } = s.choice!;
    s.failed = null;
    this.set({ step: 'committing', patient });
    const at = this.o.now();
    const date = this.today(at);
    let created: boolean;
    try {
      const request = {
        date,
        stationId: this.o.config.station.id,
        department,
        lane,
        patient: {
          idNumber: patient.idNumber,
          fullName: patient.fullName,
          dateOfBirth: patient.dateOfBirth,
          sex: patient.sex,
          ...(patient.cardNumber ? { cardNumber: patient.cardNumber } : {}),
        },
        identitySource: patient.source,
        ...(s.document ? { document: s.document } : {}),
        priority: s.priority,
        ...(s.guardianName ? { guardianName: s.guardianName } : {}),
        chipVerification: chipVerificationOf(patient, s.chipAcceptance),
        faceVerification: faceVerificationOf(patient, s.face),
        insurance: decision.insurance,
        createdAt: at.toISOString(),
        recheck: decision.recheck ? s.query : null,
      };
      const result = s.ticket
        ? await this.completeTicket(s.ticket.id, request)
        : await this.o.store.checkIn(request);
      s.visit = result.visit;
      s.reprint = !result.created;
      created = result.created;
    } catch (err) {
      const error = toErrorShape(err);
      if (this.live(s)) {
        this.fail(s, 'commit', error, !['STORE_CORRUPT', 'STORE_TOO_NEW'].includes(error.code));
      }
      throw err;
    }
    this.log.info('visit committed', {
      created,
      department,
      lane,
      source: decision.insurance.source,
      queued: created && decision.recheck,
    });
    if (s.booking && s.visit!.department === s.booking.department) {
      try {
        await this.o.store.hisOutbox.linkAppointment(
          s.visit!.id,
          s.booking.appointmentId,
          at.toISOString(),
        );
      } catch (err) {
        this.log.warn('appointment link not saved', { code: toErrorShape(err).code });
      }
    }
    if (created && s.evidence) {
      try {
        await this.o.store.lookupEvidence.record(s.visit!.id, s.evidence);
      } catch (err) {
        this.log.warn('failed-lookup evidence not saved', { code: toErrorShape(err).code });
      }
    }
    this.o.onVisitsChanged(date);
    if (created && decision.recheck) this.o.onRechecksChanged();
    if (!this.live(s)) {
      // Reset while the store was saving: the visit stands (the desk can print it), but the
      // screen belongs to someone else now, so no slip comes out for them to take.
      this.log.warn('visit committed after reset; slip not printed', { visitId: s.visit!.id });
      return s.visit!;
    }
    return this.runPrint(s);
  }

  /** The ticket's visit with the person on it; "created" so its evidence and re-check are kept. */
  private async completeTicket(
    visitId: string,
    request: Parameters<VisitStore['checkIn']>[0],
  ): Promise<{ visit: Visit; created: boolean }> {
    const visit = await this.o.store.completeTicket(visitId, request);
    if (!visit) throw checkinErrors.visitNotFound(visitId);
    this.log.info('desk ticket completed', { document: request.document ?? null });
    return { visit, created: true };
  }

  private async runPrint(s: Session): Promise<Visit> {
    s.failed = null;
    this.set({ step: 'printing', visit: s.visit! });
    const booked = s.booking && s.booking.department === s.visit!.department;
    const { visit, outcome } = await this.o.printVisit({
      ...s.visit!,
      ...(booked ? { bookedStart: s.booking!.start } : {}),
    });
    s.visit = visit;
    if (!this.live(s)) return visit;
    s.failed = outcome.status === 'failed' ? 'print' : null;
    this.set({
      step: 'done',
      visit,
      reprint: s.reprint,
      printError: outcome.error,
      booking: s.booking,
      ...(s.deskTicket ? { deskTicket: true } : {}),
    });
    this.later(this.o.config.station.doneReturnSeconds * 1000, s, () => {
      if (this.state.step === 'done') this.reset();
    });
    return visit;
  }
}
