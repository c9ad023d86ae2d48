/**
 * Reads one elementary file of the eMRTD applet in as few APDUs as the card allows: the first
 * READ BINARY selects the file by short file identifier (saving the SELECT) and asks for as much
 * as one response can carry, which for most files is the whole file; its TLV header says how
 * long the file is, and the rest comes in the largest reads the channel takes. Cards without
 * SFI support get SELECT + READ BINARY; a card that refuses a large Le (6700) gets smaller ones.
 */
import { commands, describeSw, SW, type ResponseApdu } from './apdu';
import type { CardConnection } from './connection';
import { protocolErrors } from './errors';
import { badTlv, decodeTlvHeader } from './tlv';

/** What the reader has learnt about this card during one read. */
export interface FileReaderState {
  /** READ BINARY with a short file identifier works (assumed until the card says otherwise). */
  sfi: boolean;
  /** Largest Le the card accepted after refusing a larger one (6700); unset until then. */
  leLimit?: number;
}

export interface ReadEfOptions {
  /** Longest file we accept; a TLV declaring more is CARD_BAD_TLV. */
  maxFileSize: number;
}

/** Status words meaning "this card does not do READ BINARY by SFI". */
const NO_SFI = new Set<number>([
  SW.FUNCTION_NOT_SUPPORTED,
  SW.INCORRECT_P1P2,
  SW.WRONG_P1P2,
  SW.INS_NOT_SUPPORTED,
  SW.CONDITIONS_NOT_SATISFIED,
  SW.NO_CURRENT_EF,
]);
const SMALLEST_READ = 8;
const MAX_OFFSET = 0x7fff;

const isData = (sw: number): boolean => sw === SW.OK || sw === SW.END_OF_FILE;

/** READ BINARY at `offset`, shrinking Le when the card says "wrong length". */
async function readAt(
  conn: CardConnection,
  state: FileReaderState,
  offset: number,
  le: number,
  sfi: number | null,
): Promise<ResponseApdu> {
  let ask = Math.min(le, state.leLimit ?? le);
  for (;;) {
    const cmd =
      sfi !== null ? commands.readBinarySfi(sfi, offset, ask) : commands.readBinary(offset, ask);
    const r = await conn.send(cmd);
    if (r.sw !== SW.WRONG_LENGTH || ask <= SMALLEST_READ) return r;
    ask = Math.max(SMALLEST_READ, Math.floor(ask / 2));
    state.leLimit = ask;
  }
}

/** Reads file `fid` whole; null when the card has no such file (6A82). */
export async function readEf(
  conn: CardConnection,
  fid: number,
  state: FileReaderState,
  options: ReadEfOptions,
): Promise<Uint8Array | null> {
  const name = `EF ${fid.toString(16).toUpperCase().padStart(4, '0')}`;
  const sfi = fid >> 8 === 0x01 && (fid & 0xff) >= 1 && (fid & 0xff) <= 30 ? fid & 0xff : null;
  const chunk = Math.max(SMALLEST_READ, conn.maxPlainLe());

  let first: ResponseApdu | null = null;
  if (state.sfi && sfi !== null) {
    first = await readAt(conn, state, 0, chunk, sfi);
    if (NO_SFI.has(first.sw)) {
      state.sfi = false;
      first = null;
    }
  }
  if (!first) {
    const selected = await conn.send(commands.selectEf(fid));
    if (selected.sw === SW.FILE_NOT_FOUND) return null;
    if (selected.sw !== SW.OK)
      throw protocolErrors.protocol(`SELECT ${name}: ${describeSw(selected.sw)}`);
    first = await readAt(conn, state, 0, chunk, null);
  }
  if (first.sw === SW.FILE_NOT_FOUND) return null;
  if (!isData(first.sw))
    throw protocolErrors.protocol(`READ BINARY ${name}: ${describeSw(first.sw)}`);

  const header = decodeTlvHeader(first.data);
  const total = header.totalLength;
  if (total > options.maxFileSize) {
    throw badTlv(`${name} declares ${total} bytes, more than the ${options.maxFileSize} allowed`);
  }
  const file = new Uint8Array(total);
  let have = Math.min(first.data.length, total);
  file.set(first.data.subarray(0, have));
  while (have < total) {
    if (have > MAX_OFFSET) throw badTlv(`${name} is longer than READ BINARY offsets reach`);
    const r = await readAt(conn, state, have, Math.min(chunk, total - have), null);
    if (!isData(r.sw) && r.sw !== SW.WRONG_P1P2) {
      throw protocolErrors.protocol(`READ BINARY ${name} at ${have}: ${describeSw(r.sw)}`);
    }
    if (r.data.length === 0)
      throw badTlv(`${name} ends after ${have} of the ${total} bytes it declares`);
    const n = Math.min(r.data.length, total - have);
    file.set(r.data.subarray(0, n), have);
    have += n;
  }
  return file;
}
