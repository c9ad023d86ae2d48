import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { PAPERS, pageHeightMm } from '../../../src/main/print/paper';
import { escapeHtml, queueFontMm, renderSlipHtml } from '../../../src/main/print/slip-html';
import { buildSlipModel } from '../../../src/main/print/slip-model';
import { sampleVisit } from '../../../src/sim/sample-visits';

const config = parseConfig({}, 'test-config.json');

describe('slip HTML', () => {
  const visit = sampleVisit(2);
  const model = buildSlipModel(visit, config, { logoDataUrl: 'data:image/svg+xml;base64,AAAA' });

  it('is one self-contained document: embedded font, logo, inline QR, no scripts', () => {
    const html = renderSlipHtml(model, '80mm');
    expect(html.match(/@font-face/g)).toHaveLength(2);
    expect(html).toContain('url(data:font/ttf;base64,');
    expect(html).toContain('src="data:image/svg+xml;base64,AAAA"');
    expect(html).toContain('<svg class="qr"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain(visit.queueNumber);
    expect(html).toContain('Tôn Nữ Hoàng Ngọc Khuê Nguyễn Thị Huỳnh Phương');
    expect(html).not.toContain(visit.patient.idNumber);
  });

  it('sets the page size per paper', () => {
    expect(renderSlipHtml(model, '80mm')).toContain('size: 80mm');
    expect(renderSlipHtml(model, '58mm')).toContain('size: 58mm');
    expect(renderSlipHtml(model, 'A5')).toContain('size: 148mm 210mm');
    expect(renderSlipHtml(model, '58mm')).toContain('width: 48mm');
  });

  it('escapes text from the visit', () => {
    const evil = { ...sampleVisit(1), queueNumber: 'K01-<b>1</b>' };
    const html = renderSlipHtml(buildSlipModel(evil, config, { logoDataUrl: null }), '80mm');
    expect(html).toContain('K01-&lt;b&gt;1&lt;/b&gt;');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('sizes the queue number to the printable width, very large when short', () => {
    expect(queueFontMm('K01-A-012', PAPERS['80mm'])).toBeGreaterThanOrEqual(12);
    expect(queueFontMm('012', PAPERS.A5)).toBe(26);
    expect(queueFontMm('K01-KHAM-U-999', PAPERS['58mm'])).toBeLessThan(
      queueFontMm('K01-KHAM-U-999', PAPERS['80mm']),
    );
  });

  it('roll pages are as tall as the content, A5 is 210 mm', () => {
    // 378 px = 100.01 mm, rounded up, plus 3 mm above and below
    expect(pageHeightMm(PAPERS['80mm'], 378)).toBe(107);
    expect(pageHeightMm(PAPERS.A5, 378)).toBe(210);
  });
});
