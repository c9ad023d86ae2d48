import { describe, expect, it } from 'vitest';
import {
  callText,
  codeInWords,
  parseQueueNumber,
} from '../../../src/main/calling/speech/call-text';
import { digitsOneByOne, numberInWords } from '../../../src/main/calling/speech/vietnamese-numbers';

describe('Vietnamese numbers as announcers read them', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi bốn'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [91, 'chín mươi mốt'],
    [100, 'một trăm'],
    [101, 'một trăm lẻ một'],
    [105, 'một trăm lẻ năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [205, 'hai trăm lẻ năm'],
    [221, 'hai trăm hai mươi mốt'],
    [301, 'ba trăm lẻ một'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm lẻ một'],
    [1010, 'một nghìn không trăm mười'],
    [1200, 'một nghìn hai trăm'],
    [2025, 'hai nghìn không trăm hai mươi lăm'],
    [15000, 'mười lăm nghìn'],
    [1000005, 'một triệu không trăm lẻ năm'],
  ])('%i → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('southern "linh" for a zero tens digit when configured', () => {
    expect(numberInWords(101, { zeroTens: 'linh' })).toBe('một trăm linh một');
  });

  it('refuses what is not a whole number', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });

  it('reads queue digits one by one, keeping the leading zeros', () => {
    expect(digitsOneByOne('004')).toBe('không không bốn');
    expect(digitsOneByOne('1205')).toBe('một hai không năm');
    expect(() => digitsOneByOne('0A4')).toThrow(RangeError);
  });
});

describe('the spoken call', () => {
  it('parses station-local and shared queue numbers', () => {
    expect(parseQueueNumber('K01-KHAM-T-004')).toEqual({
      station: 'K01',
      department: 'KHAM',
      laneLetter: 'T',
      digits: '004',
    });
    expect(parseQueueNumber('NHI-E-012')).toEqual({
      station: null,
      department: 'NHI',
      laneLetter: 'E',
      digits: '012',
    });
    expect(parseQueueNumber('hello')).toBeNull();
  });

  it('reads room codes: numbers as numbers, letters spelled', () => {
    expect(codeInWords('101')).toBe('một trăm lẻ một');
    expect(codeInWords('B2')).toBe('bê hai');
  });

  it('says the example call from the issue', () => {
    const t = callText('K01-KHAM-T-004', '101', { departmentWords: { KHAM: 'KHÁM' } });
    expect(t.vi).toBe('Mời số ca không một KHÁM không không bốn đến phòng một trăm lẻ một');
    expect(t.en).toBe('K 0 1 K H A M 0 0 4, room 101.');
  });

  it('says the lane letter of a priority lane, and a room by its spoken name', () => {
    const t = callText('NHI-E-012', 'CC', {
      departmentWords: { NHI: 'nhi' },
      roomWords: { vi: 'khu cấp cứu', en: 'the emergency unit' },
    });
    expect(t.vi).toBe('Mời số nhi e không một hai đến khu cấp cứu');
    expect(t.en).toBe('Number N H I E 0 1 2, the emergency unit.');
  });

  it('offline numbers of two stations sound different: the station is said first', () => {
    const a = callText('K01-KHAM-O-003', '101', { departmentWords: { KHAM: 'khám' } });
    const b = callText('K02-KHAM-O-003', '101', { departmentWords: { KHAM: 'khám' } });
    expect(a.vi).not.toBe(b.vi);
    expect(a.en).not.toBe(b.en);
    expect(b.vi).toBe('Mời số ca không hai khám o không không ba đến phòng một trăm lẻ một');
    expect(b.en).toBe('K 0 2 K H A M O 0 0 3, room 101.');
    // A shared-queue number has no station to say.
    expect(callText('KHAM-O-003', '101', { departmentWords: { KHAM: 'khám' } }).vi).toBe(
      'Mời số khám o không không ba đến phòng một trăm lẻ một',
    );
  });

  it('spells a department without a configured word', () => {
    expect(callText('K01-RHM-T-001', '110').vi).toBe(
      'Mời số ca không một e rờ hát em mờ không không một đến phòng một trăm mười',
    );
  });
});
