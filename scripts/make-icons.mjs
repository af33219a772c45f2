// Draws Refund Desk's icon (a blue tile, a white circular "send again" arrow around three amber
// OTP dots) and writes build/icon.png (1024 px), build/icon.ico (Windows) and build/icon.icns
// (macOS), which electron-builder takes from build/. No image tools needed: the shapes are
// sampled 4×4 per pixel for smooth edges and the files are assembled byte by byte.
// Run `node scripts/make-icons.mjs` after changing the drawing; scripts/packaging.test.ts checks
// that the checked-in files still match it.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const DESIGN = 1024;
const SAMPLES = 4;
const TILE = { x0: 64, y0: 64, x1: 960, y1: 960, radius: 200 };
const TOP = [0x1f, 0x6f, 0xb2];
const BOTTOM = [0x12, 0x4a, 0x80];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xff, 0xc2, 0x33];
const ARC = { cx: 512, cy: 532, radius: 270, width: 66, gapFrom: 232, gapTo: 300 };
const HEAD = { length: 130, half: 108 };
const DOTS = [412, 512, 612].map((x) => ({ x, y: 532, r: 40 }));

const rad = (deg) => (deg * Math.PI) / 180;
const END = rad(ARC.gapFrom);
const START = rad(ARC.gapTo);
const end = { x: ARC.cx + ARC.radius * Math.cos(END), y: ARC.cy + ARC.radius * Math.sin(END) };
const start = { x: ARC.cx + ARC.radius * Math.cos(START), y: ARC.cy + ARC.radius * Math.sin(START) };
// The arc runs clockwise on screen (y grows downwards) and ends in the arrowhead, pointing at the gap.
const tangent = { x: -Math.sin(END), y: Math.cos(END) };
const normal = { x: Math.cos(END), y: Math.sin(END) };
const head = [
  { x: end.x + tangent.x * HEAD.length, y: end.y + tangent.y * HEAD.length },
  { x: end.x + normal.x * HEAD.half, y: end.y + normal.y * HEAD.half },
  { x: end.x - normal.x * HEAD.half, y: end.y - normal.y * HEAD.half },
];

function inTile(x, y) {
  const { x0, y0, x1, y1, radius } = TILE;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
  const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function inArrow(x, y) {
  const dx = x - ARC.cx;
  const dy = y - ARC.cy;
  const distance = Math.hypot(dx, dy);
  if (Math.abs(distance - ARC.radius) <= ARC.width / 2) {
    const angle = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
    if (angle <= ARC.gapFrom || angle >= ARC.gapTo) return true;
  }
  if (Math.hypot(x - start.x, y - start.y) <= ARC.width / 2) return true;
  return inTriangle(x, y, head);
}

function inTriangle(x, y, [a, b, c]) {
  const side = (p, q) => (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** The colour at a point of the 1024 design, or null outside the tile. */
function colourAt(x, y) {
  if (!inTile(x, y)) return null;
  if (DOTS.some((d) => Math.hypot(x - d.x, y - d.y) <= d.r)) return AMBER;
  if (inArrow(x, y)) return WHITE;
  const t = (y - TILE.y0) / (TILE.y1 - TILE.y0);
  return TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
}

/** RGBA pixels of the icon at `size` × `size`. */
export function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = DESIGN / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((covered * 255) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function png(size, pixels = render(size)) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A Windows .ico whose entries are PNGs (read by Windows Vista and later, rcedit and NSIS 3). */
export function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

/** A macOS .icns whose entries are PNGs, each under its type code. */
export function icns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, "ascii");
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write("icns", 0, "ascii");
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Type codes of the PNG-capable ICNS entries and their pixel sizes (the @2x ones share pixels). */
export const ICNS_TYPES = [
  ["icp4", 16],
  ["icp5", 32],
  ["ic11", 32],
  ["ic12", 64],
  ["ic07", 128],
  ["ic13", 256],
  ["ic08", 256],
  ["ic14", 512],
  ["ic09", 512],
  ["ic10", 1024],
];

export function makeIcons() {
  const sizes = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
  const pngs = new Map(sizes.map((size) => [size, png(size)]));
  return {
    "icon.png": pngs.get(1024),
    "icon.ico": ico(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))),
    "icon.icns": icns(ICNS_TYPES.map(([type, size]) => ({ type, data: pngs.get(size) }))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "build");
  for (const [name, data] of Object.entries(makeIcons())) writeFileSync(join(out, name), data);
  console.log(`icons written to ${out}`);
}
