/** Dates, sex, language: the small types everything else uses. Pure types: importable from browser, Node and Electron alike. */
/** `YYYY-MM-DD` */
export type IsoDate = string;
/** ISO 8601 with offset, e.g. `2026-11-23T08:15:00.000+07:00` or `...Z` */
export type IsoDateTime = string;

export type Sex = 'M' | 'F';
export type Language = 'vi' | 'en';
