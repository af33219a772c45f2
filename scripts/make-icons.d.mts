// Types for scripts/make-icons.mjs, which scripts/packaging.test.ts imports.
export function render(size: number): Buffer;
export function crc32(bytes: Uint8Array): number;
export function png(size: number, pixels?: Buffer): Buffer;
export function ico(images: { size: number; data: Buffer }[]): Buffer;
export function icns(entries: { type: string; data: Buffer }[]): Buffer;
export const ICO_SIZES: number[];
export const ICNS_TYPES: [string, number][];
export function makeIcons(): Record<"icon.png" | "icon.ico" | "icon.icns", Buffer>;
