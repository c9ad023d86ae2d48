/**
 * Domain types shared by main, preload, renderer and the CLI, one file per subject. Pure types
 * only: importable anywhere (browser, Node, Electron), nothing with side effects.
 */
export type { LocalizedText, KioskErrorShape } from '../errors';
export * from './common';
export * from './card';
export * from './insurance';
export * from './visit';
export * from './calling';
export * from './station';
export * from './his';
export * from './face';
export * from './store';
export * from './staff';
