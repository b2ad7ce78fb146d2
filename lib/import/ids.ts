/**
 * Stable ids for imported rows: the same annotation (or URL, or tag) imported twice gets the same
 * id, so that merging a second import changes nothing. Shaped as RFC 9562 UUIDs of version 8
 * (the "custom" version), from a 128-bit non-cryptographic hash of a name.
 */

function lane(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h ^= h >>> 13;
  }
  // Final avalanche (the MurmurHash3 finaliser), so that close names give unrelated ids.
  h ^= text.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = [0x811c9dc5, 0x9e3779b9, 0x7f4a7c15, 0x2545f491];

/** A version-8 UUID that depends only on `name`. */
export function nameUuid(name: string): string {
  const hex = SEEDS.map((seed) => lane(name, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-` +
    `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  );
}
