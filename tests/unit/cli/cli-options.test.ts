import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../src/shared/errors';
import { accessKeyFromOptions, parseSimIdentity } from '../../../src/cli/card-cli';
import { exitCodeFor } from '../../../src/cli/output';

function usageError(fn: () => unknown): KioskError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    expect(exitCodeFor((err as KioskError).code)).toBe(2);
    return err as KioskError;
  }
  throw new Error('expected a usage error');
}

describe('read key options', () => {
  it('accepts exactly one key source', () => {
    expect(
      accessKeyFromOptions({ qr: '001085012345||Nguyễn Văn An|14031985|Nam|x|02042025' }),
    ).toEqual({
      kind: 'qr',
      text: '001085012345||Nguyễn Văn An|14031985|Nam|x|02042025',
    });
    expect(accessKeyFromOptions({ id: '001085012345', dob: '1985-03-14' })).toEqual({
      kind: 'id-dob',
      idNumber: '001085012345',
      dateOfBirth: '1985-03-14',
    });
    expect(
      accessKeyFromOptions({ id: '001085012345', dob: '1985-03-14', expiry: '2045-03-14' }),
    ).toMatchObject({
      dateOfExpiry: '2045-03-14',
    });
    const mrz =
      'IDVNM0850123452001085012345<<<\n8503149M4503141VNM<<<<<<<<<<<5\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<';
    expect(accessKeyFromOptions({ mrz })).toEqual({ kind: 'mrz', text: mrz.replace(/\n/g, '') });
    usageError(() => accessKeyFromOptions({}));
    usageError(() => accessKeyFromOptions({ qr: 'a|b', id: '001085012345', dob: '1985-03-14' }));
  });

  it('rejects malformed values with a clear usage error', () => {
    expect(
      usageError(() => accessKeyFromOptions({ id: '12345', dob: '1985-03-14' })).localized.en,
    ).toMatch(/12-digit/);
    // The ID number alone is a key (PACE with the CAN); --expiry without --dob is not.
    expect(accessKeyFromOptions({ id: '001085012345' })).toEqual({
      kind: 'id',
      idNumber: '001085012345',
    });
    expect(accessKeyFromOptions({ can: '012345' })).toEqual({ kind: 'can', can: '012345' });
    usageError(() => accessKeyFromOptions({ can: '12345' }));
    usageError(() => accessKeyFromOptions({ can: '012345', id: '001085012345' }));
    usageError(() => accessKeyFromOptions({ id: '001085012345', expiry: '2045-03-14' }));
    usageError(() => accessKeyFromOptions({ id: '001085012345', dob: '1985-02-30' }));
    usageError(() => accessKeyFromOptions({ id: '001085012345', dob: '14/03/1985' }));
    usageError(() => accessKeyFromOptions({ mrz: 'TOO SHORT' }));
    usageError(() => accessKeyFromOptions({ qr: 'no separators' }));
    usageError(() => parseSimIdentity('0'));
    usageError(() => parseSimIdentity('abc'));
    expect(parseSimIdentity('7')).toBe(7);
  });
});
