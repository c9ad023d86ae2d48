import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { anySimulated, simulatedParts } from '../../../src/main/config/simulated-parts';
import { SimulatedBadge } from '../../../src/renderer/src/components/SimulatedBadge';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SimulatedParts } from '../../../src/shared/simulated-station';

const render = (parts: SimulatedParts): string =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(SimulatedBadge, { parts })),
  );

afterEach(async () => {
  await i18n.changeLanguage('vi');
});

describe('the SIMULATED badge on the screens', () => {
  it.each([
    [{ reader: true, gateway: false }],
    [{ reader: false, gateway: true }],
    [{ reader: true, gateway: true }],
  ])('shows with a simulated part %o, in the screen language', async (parts) => {
    expect(render(parts)).toContain('MÔ PHỎNG');
    expect(render(parts)).toContain('data-testid="simulated-badge"');
    await i18n.changeLanguage('en');
    expect(render(parts)).toContain('SIMULATED');
    expect(render(parts)).not.toContain('MÔ PHỎNG');
  });

  it('absent on a station with a real reader and the real lookup service', () => {
    expect(render({ reader: false, gateway: false })).toBe('');
  });

  it('shows exactly when the slips say MÔ PHỎNG', () => {
    const config = (driver: string, service: string) =>
      ({ reader: { driver }, insurance: { service } }) as Parameters<typeof anySimulated>[0];
    for (const [driver, service] of [
      ['simulated', 'bhxh'],
      ['pcsc', 'simulated'],
      ['pcsc', 'bhxh'],
    ] as const) {
      // What main sends the screens (app info) against what decides the slip's notice.
      const parts = simulatedParts(config(driver, service));
      expect(render(parts) !== '').toBe(anySimulated(config(driver, service)));
    }
  });
});

describe('the desk speaks to staff', () => {
  it("its lane choices are staff's words, not the kiosk patient's answer", () => {
    const vi = i18n.getFixedT('vi');
    const en = i18n.getFixedT('en');
    // The kiosk asks the patient "are you in a priority group?" and offers "No, regular queue".
    expect(vi('lane.normal')).toBe('Không, tôi xếp hàng thường');
    expect(vi('deskLane.normal')).toBe('Thường (không ưu tiên)');
    expect(en('deskLane.normal')).toBe('Regular (no priority)');
    for (const lane of ['normal', 'elderly', 'child', 'disability', 'pregnant', 'emergency']) {
      for (const t of [vi, en]) {
        const text = t(`deskLane.${lane}`);
        expect(text, lane).not.toBe(`deskLane.${lane}`);
        expect(text, lane).not.toMatch(/\b(tôi|I|my)\b|^Không,|^No,/);
      }
    }
  });
});

describe('where the badge sits', () => {
  it('inline (the desk top bar) it is part of the flow, not a band fixed over the page', () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(SimulatedBadge, { parts: { reader: true, gateway: false }, inline: true }),
      ),
    );
    expect(html).toContain('simulated-badge-inline');
  });
});
