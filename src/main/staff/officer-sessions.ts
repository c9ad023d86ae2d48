/**
 * The officer signed in at this desk (one per station: main holds it, the screens only show it).
 * Signing in by the officer's own CCCD reads the chip and requires it to be passively
 * authenticated; nothing of the read is kept but the name and the ID number — no photo, no
 * insurance lookup, no identity cache. The session ends on sign-out, after `staff.idleMinutes`
 * without a staff action, and when the hospital's day ends.
 */
import type {
  AccessKeyInput,
  CheckingOfficer,
  SignedInOfficer,
  SignOutReason,
} from '../../shared/domain';
import { ID_NUMBER, NAME_MAX_LENGTH, NAME_MIN_LENGTH } from '../../shared/identity-input';
import { kioskError } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import { checkinErrors } from '../domain/checkin-errors';
import { officerChipProblem, sessionEnded } from '../domain/officer-session';
import type { Logger } from '../logging/logger';
import type { CardReaderService } from '../services-contract';
import { createListeners } from '../util/listeners';
import type { AuditTrail } from './audit-trail';

export interface OfficerSessionsOptions {
  config: KioskConfig;
  cards: CardReaderService;
  /** The reader the officer places their card on (null: the one with a card). */
  readerName: string | null;
  audit: AuditTrail;
  now: () => Date;
  logger: Logger;
  /** How often the idle / end-of-day check runs (default 30 s). */
  checkEveryMs?: number;
}

export interface OfficerSessions {
  /** The officer signed in now (after applying idle and end-of-day), or null. */
  current(): SignedInOfficer | null;
  signInTyped(input: { name: string; idNumber: string }): Promise<SignedInOfficer>;
  signInWithCard(key: AccessKeyInput): Promise<SignedInOfficer>;
  signOut(): Promise<void>;
  /**
   * A staff action is about to happen: returns the officer it is done by (and counts as
   * activity), or throws CHECKIN_STAFF_SIGN_IN_REQUIRED when sign-in is required and nobody is.
   */
  forStaffAction(action: string): CheckingOfficer | null;
  /**
   * The signed-in officer as { name, idNumber } (null: nobody): the one place other features
   * (e.g. recording who accepted an unverified chip) take the officer from.
   */
  currentOfficer(): CheckingOfficer | null;
  /** The officer the desk's lookups carry: the signed-in one, else the configured (when allowed). */
  lookupOfficer(): CheckingOfficer | null;
  onChanged(listener: (officer: SignedInOfficer | null) => void): () => void;
  close(): void;
}

function normalName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function staffErrors() {
  return {
    badName: () =>
      kioskError(
        'STAFF_BAD_INPUT',
        `Họ tên cán bộ dài từ ${NAME_MIN_LENGTH} đến ${NAME_MAX_LENGTH} ký tự.`,
        `The officer's name must be ${NAME_MIN_LENGTH} to ${NAME_MAX_LENGTH} characters long.`,
        { detail: 'name' },
      ),
    badId: () =>
      kioskError(
        'STAFF_BAD_INPUT',
        'Số CCCD của cán bộ gồm 12 chữ số.',
        "The officer's ID number is 12 digits.",
        { detail: 'idNumber' },
      ),
    noReader: () =>
      kioskError(
        'STAFF_NO_CARD',
        'Chưa có thẻ trên đầu đọc: đặt CCCD của cán bộ lên đầu đọc.',
        "No card on the reader: place the officer's ID card on the reader.",
      ),
  };
}

export function createOfficerSessions(o: OfficerSessionsOptions): OfficerSessions {
  const log = o.logger.child({ svc: 'staff' });
  const { staff, hospital } = o.config;
  const errors = staffErrors();
  const changed = createListeners<SignedInOfficer | null>();
  let session: SignedInOfficer | null = null;

  function end(reason: SignOutReason): Promise<void> {
    const was = session;
    if (!was) return Promise.resolve();
    session = null;
    log.info('officer signed out', { reason });
    changed.emit(null);
    return o.audit.record({ action: 'sign-out', detail: reason }, was);
  }

  /** Idle / end of day, applied whenever the session is looked at and by the timer. */
  function expire(): void {
    if (!session) return;
    const reason = sessionEnded(session, o.now(), staff.idleMinutes, hospital.timeZone);
    if (reason) void end(reason);
  }

  const timer = setInterval(expire, o.checkEveryMs ?? 30_000);
  timer.unref();

  async function begin(officer: CheckingOfficer, method: SignedInOfficer['method']) {
    if (session) await end('replaced');
    const at = o.now().toISOString();
    session = { ...officer, method, signedInAt: at, lastActivityAt: at };
    log.info('officer signed in', { method });
    changed.emit(session);
    await o.audit.record({ action: 'sign-in', detail: method }, officer);
    return session;
  }

  function checked(name: string, idNumber: string): CheckingOfficer {
    const n = normalName(name);
    if (n.length < NAME_MIN_LENGTH || n.length > NAME_MAX_LENGTH) throw errors.badName();
    const id = idNumber.trim();
    if (!ID_NUMBER.test(id)) throw errors.badId();
    return { name: n, idNumber: id };
  }

  function readerWithCard(): string | null {
    for (const r of o.cards.readers()) {
      if ((o.readerName === null || r.name === o.readerName) && r.state === 'card-present') {
        return r.name;
      }
    }
    return null;
  }

  return {
    current() {
      expire();
      return session;
    },
    async signInTyped(input) {
      return begin(checked(input.name, input.idNumber), 'typed');
    },
    async signInWithCard(key) {
      const reader = readerWithCard();
      if (!reader) throw errors.noReader();
      const out = await o.cards.read(reader, key, { signal: AbortSignal.timeout(30_000) });
      const r = out.result;
      const problem = officerChipProblem(r.passiveAuthentication, r.chipAuthentication);
      if (problem) {
        log.warn('officer chip refused', { code: problem.code });
        throw problem;
      }
      // Only the name and the ID number leave this function; the rest of the read is dropped.
      return begin(checked(r.fullName, r.idNumber), 'card');
    },
    signOut() {
      return end('signed-out');
    },
    forStaffAction(action) {
      expire();
      if (!session) {
        if (staff.signInRequired) throw checkinErrors.staffSignInRequired(action);
        return null;
      }
      session = { ...session, lastActivityAt: o.now().toISOString() };
      return { name: session.name, idNumber: session.idNumber };
    },
    currentOfficer() {
      expire();
      return session ? { name: session.name, idNumber: session.idNumber } : null;
    },
    lookupOfficer() {
      expire();
      if (session) return { name: session.name, idNumber: session.idNumber };
      return staff.signInRequired ? null : o.config.insurance.officer;
    },
    onChanged: (listener) => changed.on(listener),
    close() {
      clearInterval(timer);
      changed.clear();
    },
  };
}
