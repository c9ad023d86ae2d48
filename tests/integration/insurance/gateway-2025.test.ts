/**
 * The gateway as hospitals meet it in 2025 (reference §2): the body encoding is configuration
 * (form by default, JSON selectable) on the token, the card check and the history; the card check
 * takes a 12-digit CCCD, a 15-character card code or a 10-digit social-insurance number; the
 * history is its own call (Lskcb2025); the officer is carried; an answer is reused for a while.
 *
 * The hand-written gateway below answers with JSON written from the reference, not from our
 * simulator, and records what it received.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createInsuranceService, type InsuranceServiceHandle } from '../../../src/main/insurance';
import { nullLogger } from '../../../src/main/logging/logger';
import { AN, rig, testConfig, TODAY, type Rig } from './helpers';

interface Received {
  path: string;
  contentType: string;
  fields: Record<string, unknown>;
}

// --- answers written by hand from the reference (§1 token, §2 card check, §2 Lskcb2025) --------
const TOKEN_ANSWER = `{"maKetQua":"200","APIKey":{"access_token":"at-1","id_token":"id-1",
  "token_type":"Bearer","username":"01001_BV","expires_in":"2026-11-23T05:00:00.0000000Z"}}`;
const CHECK_ANSWER = `{"maKetQua":"000","ghiChu":"Thẻ còn giá trị sử dụng!","maThe":"DN4010123456781",
  "hoTen":"Nguyễn Văn An","ngaySinh":"14/03/1985","gioiTinh":"Nam","diaChi":"Hà Nội",
  "maDKBD":"01001","cqBHXH":"BHXH TP Hà Nội","gtTheTu":"01/01/2026","gtTheDen":"31/12/2026",
  "maKV":null,"ngayDu5Nam":"01/01/2020","maSoBHXH":"0123456781","maTheCu":null,"maTheMoi":null,
  "gtTheTuMoi":null,"gtTheDenMoi":null,"maDKBDMoi":null,"tenDKBDMoi":null,
  "dsLichSuKCB2018":null,"dsLichSuKT2018":null}`;
const HISTORY_ANSWER = `{"maKetQua":"000","ghiChu":"Thành công","dsLichSuKCB2025":[
  {"maHoSo":"12345","maCSKCB":"79024","ngayVao":"202611200815","ngayRa":null,
   "tenBenh":"Viêm ruột thừa cấp","tinhTrang":null,"kqDieuTri":null,"lyDoVV":"2"},
  {"maHoSo":"12001","maCSKCB":"01001","ngayVao":"202603150810","ngayRa":"202603151030",
   "tenBenh":"Viêm họng cấp","tinhTrang":"1","kqDieuTri":"2","lyDoVV":"1"}]}`;

/** Reads a body the way the encoding it was sent in says, like a server would. */
function decode(contentType: string, text: string): Record<string, unknown> {
  if (/json/i.test(contentType)) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

async function handWrittenGateway(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const contentType = String(req.headers['content-type'] ?? '');
      received.push({
        path,
        contentType,
        fields: decode(contentType, Buffer.concat(chunks).toString('utf8')),
      });
      const body =
        path === '/api/token/take'
          ? TOKEN_ANSWER
          : path === '/api/egw/KQNhanLichSuKCB2024'
            ? CHECK_ANSWER
            : path === '/api/egw/Lskcb2025'
              ? HISTORY_ANSWER
              : null;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body ?? '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const OFFICER = { name: 'Trần Thị Lễ Tân', idNumber: '001190000123' };

describe('body encoding is configuration: form by default, JSON selectable', () => {
  let gw: Awaited<ReturnType<typeof handWrittenGateway>> | undefined;
  let service: InsuranceServiceHandle | undefined;
  afterEach(async () => {
    await service?.close();
    await gw?.close();
  });

  for (const encoding of ['form', 'json'] as const) {
    it(`${encoding}: token, card check and history are all sent ${encoding}, with the officer`, async () => {
      gw = await handWrittenGateway();
      const config = testConfig(encoding === 'form' ? {} : { bodyEncoding: 'json' });
      expect(config.insurance.bodyEncoding).toBe(encoding);
      service = createInsuranceService({
        config,
        logger: nullLogger,
        baseUrl: gw.url,
        credentials: { username: '01001_BV', password: 'secret' },
        now: () => new Date(TODAY),
      });
      const result = await service.lookup(AN, { officer: OFFICER });
      expect(result.code).toBe('000');
      const history = await service.history!(AN, { officer: OFFICER });
      expect(history.status).toBe('answered');
      expect(history.items.map((i) => i.facilityCode)).toEqual(['79024', '01001']);
      expect(history.items[0]).toMatchObject({ dischargedAt: null, reason: 'emergency' });

      const type =
        encoding === 'form' ? /^application\/x-www-form-urlencoded/ : /^application\/json/;
      expect(gw.received.map((r) => r.path)).toEqual([
        '/api/token/take',
        '/api/egw/KQNhanLichSuKCB2024',
        '/api/egw/Lskcb2025',
      ]);
      for (const r of gw.received) expect(r.contentType).toMatch(type);
      expect(gw.received[0]!.fields).toMatchObject({ username: '01001_BV' });
      for (const r of gw.received.slice(1)) {
        // Each field arrives under its reference name, readable in the encoding announced.
        expect(r.fields).toEqual({
          maThe: AN.idNumber,
          hoTen: AN.fullName,
          ngaySinh: '14/03/1985',
          hoTenCb: OFFICER.name,
          cccdCb: OFFICER.idNumber,
        });
      }
    });
  }
});

describe('the simulator refuses the encoding it is told to (as Lskcb2025 refused JSON)', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('history refusing JSON: a JSON client gets no history (205), a form client gets it', async () => {
    r = await rig({ bodyEncoding: 'json' }, { refuse: { history: 'json' } });
    const idx21 = {
      idNumber: '001205001111',
      fullName: 'Phan Nhật Minh',
      dateOfBirth: '2005-05-05',
    };
    expect((await r.service.lookup(idx21)).code).toBe('000'); // the check takes JSON
    const refused = await r.service.history!(idx21);
    expect(refused).toMatchObject({ status: 'unavailable', code: '205', items: [] });
    await r.close();

    r = await rig({}, { refuse: { history: 'json' } });
    const answered = await r.service.history!(idx21);
    expect(answered.status).toBe('answered');
    expect(answered.items).toHaveLength(1);
    expect(answered.items[0]).toMatchObject({ facilityCode: '79024', dischargedAt: null });
    expect(r.sim.received().map((x) => [x.call, x.encoding])).toEqual([
      ['token', 'form'],
      ['history', 'form'],
    ]);
  });

  it('card check refusing form: the form client gets 205, never "valid"; JSON works', async () => {
    r = await rig({}, { refuse: { check: 'form' } });
    const refused = await r.service.lookup(AN);
    expect(refused.code).toBe('205');
    expect(refused.mayUseInsurance).toBe(false);
    await r.close();
    r = await rig({ bodyEncoding: 'json' }, { refuse: { check: 'form' } });
    expect((await r.service.lookup(AN)).code).toBe('000');
  });

  it('a token request in a refused encoding is a refused login (INSURANCE_AUTH)', async () => {
    r = await rig({ bodyEncoding: 'json' }, { refuse: { token: 'json' } });
    await expect(r.service.lookup(AN)).rejects.toMatchObject({ code: 'INSURANCE_AUTH' });
    await r.close();
    // tokenBody overrides the encoding of the token request alone.
    r = await rig({ bodyEncoding: 'json', tokenBody: 'form' }, { refuse: { token: 'json' } });
    expect((await r.service.lookup(AN)).code).toBe('000');
  });
});

describe('every card-code length is a lookup; the answer names the current card', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  const asked = [
    ['12-digit CCCD', { idNumber: AN.idNumber }],
    ['15-character card code', { cardNumber: 'DN4010123456781' }],
    ['10-digit social-insurance number', { socialInsuranceNumber: '0123456781' }],
  ] as const;
  for (const [what, number] of asked) {
    it(`by ${what}: maThe of the answer is the 15-character card`, async () => {
      r = await rig();
      const res = await r.service.lookup({
        ...number,
        fullName: AN.fullName,
        dateOfBirth: AN.dateOfBirth,
      });
      expect(res.code).toBe('000');
      expect(res.card?.number).toBe('DN4010123456781');
      expect(res.cardInUse).toMatchObject({ number: 'DN4010123456781', isReplacement: false });
    });
  }

  it('two numbers at once, or a number of the wrong shape, is refused before any request', async () => {
    r = await rig();
    for (const q of [
      { idNumber: AN.idNumber, socialInsuranceNumber: '0123456781' },
      { socialInsuranceNumber: '012345678' },
      { socialInsuranceNumber: '01234567890' },
    ]) {
      await expect(
        r.service.lookup({ ...q, fullName: AN.fullName, dateOfBirth: AN.dateOfBirth }),
      ).rejects.toMatchObject({ code: 'INSURANCE_INVALID_QUERY' });
    }
    expect(r.sim.stats().checkRequests).toBe(0);
  });
});

describe('the officer who asks', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('the lookup carries the officer given, else the configured one', async () => {
    r = await rig();
    await r.service.lookup(AN, { officer: OFFICER });
    await r.service.lookup(AN);
    const checks = r.sim.received().filter((x) => x.call === 'check');
    expect(checks.map((c) => [c.hoTenCb, c.cccdCb])).toEqual([
      [OFFICER.name, OFFICER.idNumber],
      ['Nguyễn Văn Thử', '001090000001'],
    ]);
  });

  it('054 / 055 are the officer not registered / misnamed: a configuration outcome', async () => {
    r = await rig({}, { officers: [OFFICER] });
    const unknown = await r.service.lookup(AN, {
      officer: { name: OFFICER.name, idNumber: '001190000999' },
    });
    expect(unknown).toMatchObject({ code: '054', outcome: 'configuration-error' });
    expect(unknown.mayUseInsurance).toBe(false);
    const misnamed = await r.service.lookup(AN, {
      officer: { name: 'Người Khác', idNumber: OFFICER.idNumber },
    });
    expect(misnamed).toMatchObject({ code: '055', outcome: 'configuration-error' });
    expect((await r.service.lookup(AN, { officer: OFFICER })).code).toBe('000');
  });

  it('no officer at all on the 2024 API: INSURANCE_NO_OFFICER, nothing sent', async () => {
    r = await rig();
    // The configuration refuses this; a desk whose signed-in officer is gone gets here.
    const parsed = testConfig();
    const service = createInsuranceService({
      config: { ...parsed, insurance: { ...parsed.insurance, officer: null } },
      logger: nullLogger,
      baseUrl: r.sim.url,
      credentials: { username: r.sim.username, password: r.sim.password },
    });
    await expect(service.lookup(AN)).rejects.toMatchObject({ code: 'INSURANCE_NO_OFFICER' });
    await expect(service.lookup(AN, { officer: null })).rejects.toMatchObject({
      code: 'INSURANCE_NO_OFFICER',
    });
    expect(r.sim.stats().tokenRequests + r.sim.stats().checkRequests).toBe(0);
    await service.close();
  });
});

describe('an answer is reused within the window instead of asking again', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('a re-scan within 15 minutes reuses the answer; after the window it asks again', async () => {
    r = await rig({ answerReuseMinutes: 15 });
    const first = await r.service.lookup(AN);
    r.clock.t += 14 * 60_000;
    expect(await r.service.lookup(AN)).toEqual(first);
    expect(r.sim.stats().checkRequests).toBe(1);
    r.clock.t += 2 * 60_000;
    await r.service.lookup(AN);
    expect(r.sim.stats().checkRequests).toBe(2);
  });

  it('"retry later" is not reused, and the breaker still counts it', async () => {
    r = await rig({ answerReuseMinutes: 15 });
    r.sim.setMode('busy');
    expect((await r.service.lookup(AN)).code).toBe('101');
    expect((await r.service.lookup(AN)).code).toBe('101');
    expect(r.sim.stats().checkRequests).toBe(2);
    expect(r.service.status().state).toBe('degraded');
  });
});

describe('the history has its own budget and never touches the card check', () => {
  let r: Rig;
  afterEach(async () => r?.close());

  it('a slow history gives up at historyBudgetMs as "unavailable"; the breaker is not counted', async () => {
    r = await rig({ historyBudgetMs: 300, requestTimeoutMs: 10_000 }, { slowMs: 5_000 });
    await r.service.lookup(AN); // token taken while the service is quick
    r.sim.setMode('slow');
    const history = await r.service.history!(AN);
    expect(history).toMatchObject({ status: 'unavailable', items: [] });
    expect(r.service.status().circuit).toBe('closed');
    expect(r.service.status().state).toBe('online');
  });

  it('history switched off: not asked at all', async () => {
    r = await rig({ historyEnabled: false });
    expect((await r.service.history!(AN)).status).toBe('off');
    expect(r.sim.stats().historyRequests).toBe(0);
  });
});
