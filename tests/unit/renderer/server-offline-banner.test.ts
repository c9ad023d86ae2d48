import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setKioskApiForTests } from '../../../src/renderer/src/api';
import { ServerOfflineBanner } from '../../../src/renderer/src/desk/ServerOfflineBanner';
import { i18n } from '../../../src/renderer/src/i18n';
import { useAppStore } from '../../../src/renderer/src/stores/app-store';
import { connectStores } from '../../../src/renderer/src/stores/connect';
import type { StoreStatus } from '../../../src/shared/domain';
import { APP_INFO, FakeKioskApi } from './fake-api';

const ONLINE: StoreStatus = {
  engine: 'postgres',
  serverReachable: true,
  offlineSince: null,
  waitingUpload: 0,
  uploadError: null,
};
const OFFLINE: StoreStatus = {
  ...ONLINE,
  serverReachable: false,
  offlineSince: '2026-11-23T02:00:00.000Z',
  waitingUpload: 3,
};

const render = (status: StoreStatus | null): string =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(ServerOfflineBanner, { status })),
  );

afterEach(async () => {
  await i18n.changeLanguage('vi');
});

describe('desk banner: the hospital server is unreachable', () => {
  it('says so with the visits waiting, in Vietnamese and in English', async () => {
    await i18n.changeLanguage('vi');
    const vi = render(OFFLINE);
    expect(vi).toContain('Mất kết nối máy chủ — đang làm việc ngoại tuyến (3 lượt chờ gửi)');
    expect(vi).toContain('data-state="offline"');
    await i18n.changeLanguage('en');
    expect(render(OFFLINE)).toContain(
      'Server unreachable — working offline (3 visits waiting to upload)',
    );
    expect(render({ ...OFFLINE, waitingUpload: 1 })).toContain('(1 visit waiting to upload)');
  });

  it('absent while the server answers and nothing waits (and on a SQLite station)', () => {
    expect(render(ONLINE)).toBe('');
    expect(render({ ...ONLINE, engine: 'sqlite' })).toBe('');
    expect(render(null)).toBe('');
  });

  it('stays after the server is back while visits still wait, with why the upload failed', () => {
    const html = render({
      ...ONLINE,
      waitingUpload: 2,
      uploadError: {
        code: 'STORE_FAILED',
        message: { vi: 'Không lưu được dữ liệu.', en: 'Data could not be saved.' },
      },
    });
    expect(html).toContain('data-state="uploading"');
    expect(html).toContain('còn 2 lượt ngoại tuyến chờ gửi lên');
    expect(html).toContain('data-code="STORE_FAILED"');
  });
});

describe('desk store: the server status from main', () => {
  let api: FakeKioskApi;
  let disconnect: (() => void) | null = null;
  beforeEach(() => {
    api = new FakeKioskApi()
      .answer('app.info', { ...APP_INFO, mode: 'desk' })
      .answer('store.status', ONLINE);
    setKioskApiForTests(api);
    useAppStore.setState({ storeStatus: null, mode: 'kiosk' });
  });
  afterEach(() => {
    disconnect?.();
    disconnect = null;
  });

  it('loads it at start and follows store.changed', async () => {
    disconnect = connectStores('');
    await vi.waitFor(() => expect(useAppStore.getState().storeStatus).toEqual(ONLINE));
    api.emit('store.changed', OFFLINE);
    expect(useAppStore.getState().storeStatus).toEqual(OFFLINE);
    api.emit('store.changed', ONLINE);
    expect(useAppStore.getState().storeStatus?.serverReachable).toBe(true);
  });

  it('a kiosk neither asks nor keeps it', async () => {
    api.answer('app.info', APP_INFO);
    disconnect = connectStores('');
    await vi.waitFor(() => expect(useAppStore.getState().mode).toBe('kiosk'));
    await vi.waitFor(() => expect(api.called('checkin.current')).toHaveLength(1));
    api.emit('store.changed', OFFLINE);
    expect(useAppStore.getState().storeStatus).toBeNull();
    expect(api.called('store.status')).toEqual([]);
  });
});
