/**
 * Which saved pieces link to which, read from the links the index keeps of their stored copies
 * (`searchLinks`, ../connections/links.ts): a link counts once per pair of pieces, a piece's links
 * to itself not at all. Links to pages not saved are kept too, so a page clipped later is found.
 */
import type Dexie from 'dexie';
import { searchTables } from './writer';

export interface Connections {
  /** Ids of the saved pieces this one links to. */
  linksTo: string[];
  /** Ids of the saved pieces that link to this one. */
  linkedFrom: string[];
}

/** The connections of one piece (none when it is not indexed). */
export async function readConnections(db: Dexie, pieceId: string): Promise<Connections> {
  const t = searchTables(db);
  return db.transaction('r', [t.links], async () => {
    const row = await t.links.get(pieceId);
    if (!row) return { linksTo: [], linkedFrom: [] };
    const other = (ids: string[]) => [...new Set(ids)].filter((id) => id !== pieceId);
    const [to, from] = await Promise.all([
      row.targets.length > 0
        ? t.links.where('selves').anyOf(row.targets).primaryKeys()
        : Promise.resolve([]),
      row.selves.length > 0
        ? t.links.where('targets').anyOf(row.selves).primaryKeys()
        : Promise.resolve([]),
    ]);
    return { linksTo: other(to), linkedFrom: other(from) };
  });
}

/** Every link between two saved pieces, as [from, to] ids, each pair once. */
export async function readLinkPairs(db: Dexie): Promise<[string, string][]> {
  const t = searchTables(db);
  return db.transaction('r', [t.links], async () => {
    const rows = await t.links.toArray();
    const bySelf = new Map<string, string[]>();
    for (const row of rows) {
      for (const self of row.selves) {
        const pieces = bySelf.get(self);
        if (pieces) pieces.push(row.pieceId);
        else bySelf.set(self, [row.pieceId]);
      }
    }
    const pairs = new Map<string, [string, string]>();
    for (const row of rows) {
      for (const target of row.targets) {
        for (const to of bySelf.get(target) ?? []) {
          if (to !== row.pieceId) pairs.set(`${row.pieceId} ${to}`, [row.pieceId, to]);
        }
      }
    }
    return [...pairs.values()];
  });
}
