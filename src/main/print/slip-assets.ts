/**
 * The files a slip embeds: the hospital's logo and the Vietnamese font. Read once, cached; the
 * HTML is self-contained so that printing never depends on the network or the machine's fonts.
 */
import { readFileSync } from 'node:fs';
import { logoDataUrl } from '../app-info';
import type { KioskConfig } from '../config/schema';
import { resourcePath } from '../resources-path';

export interface SlipFonts {
  /** base64 TTF */
  regular: string;
  bold: string;
}

let fonts: SlipFonts | null = null;
let defaultLogo: string | null = null;

export function loadSlipFonts(): SlipFonts {
  fonts ??= {
    regular: readFileSync(resourcePath('fonts', 'NotoSans-Regular.subset.ttf')).toString('base64'),
    bold: readFileSync(resourcePath('fonts', 'NotoSans-Bold.subset.ttf')).toString('base64'),
  };
  return fonts;
}

export function defaultLogoDataUrl(): string {
  defaultLogo ??= `data:image/svg+xml;base64,${readFileSync(
    resourcePath('logo', 'hospital-logo.svg'),
  ).toString('base64')}`;
  return defaultLogo;
}

/** The configured logo (hospital.logoPath), else the placeholder shipped in resources/logo. */
export function loadSlipLogo(config: KioskConfig, dataDir: string): string {
  return logoDataUrl(config, dataDir) ?? defaultLogoDataUrl();
}
