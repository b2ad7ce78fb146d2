import { BibLatexParser, RISParser, parseCSL } from 'biblatex-csl-converter';
import { describe, expect, it } from 'vitest';
import type { PersonName, PieceRow } from '../../../lib/model/records';
import { exportBibtex, exportCslJson, exportRis } from '../../../lib/export/citations';
import { citationName, Collection } from '../../../lib/export/model';
import { hostileCollection } from './hostile';
import { flat } from './parse';
import { exampleBackup } from '../factories';

type Nodes = Array<{ type: string; text?: string }>;
const text = (nodes: unknown): string =>
  ((nodes ?? []) as Nodes).map((node) => node.text ?? '').join('');

interface ParsedName {
  family?: Nodes;
  given?: Nodes;
  prefix?: Nodes;
  literal?: Nodes;
}

/** A parsed name as `{family, given}` or `{literal}` (a von part joins the family name). */
function nameOf(name: ParsedName): { family: string; given: string } | { literal: string } {
  if (name.literal) return { literal: text(name.literal) };
  const family = [text(name.prefix), text(name.family)].filter(Boolean).join(' ');
  return { family, given: text(name.given) };
}

/** What the authors of a piece should read back as. */
function expectedNames(collection: Collection, piece: PieceRow): PersonName[] {
  return collection.tagsOf(piece.authorIds).map((tag): PersonName => {
    const name = citationName(tag);
    return 'family' in name
      ? { family: flat(name.family), given: flat(name.given) }
      : { literal: flat(name.literal) };
  });
}

describe('CSL-JSON', () => {
  it('describes each piece as a web page with split names and dates', () => {
    const items = exportCslJson(exampleBackup());
    expect(items).toHaveLength(6);
    expect(items[0]).toEqual({
      id: 'kagarlitsky2023solidarity',
      type: 'webpage',
      title: 'Solidarity after the crisis',
      author: [{ family: 'Kagarlitsky', given: 'Boris' }],
      'container-title': 'Example Review',
      URL: 'https://example.org/essays/solidarity-after-the-crisis',
      issued: { 'date-parts': [[2023, 11, 9]] },
      accessed: { 'date-parts': [[2024, 9, 2]] },
      language: 'en',
      abstract:
        'When institutions fail, what holds people together is rarely an ideology; it is the habit of helping, learned in small places.',
    });
    const archives = items.find((i) => i.title === 'Why we keep archives')!;
    expect(archives.author).toEqual([
      { literal: 'The Editors' },
      { family: 'Kagarlitsky', given: 'Boris' },
    ]);
    const bookmark = items.find((i) => i.title === 'Walking the old tram lines')!;
    expect(bookmark.author).toBeUndefined();
    expect(bookmark.issued).toBeUndefined();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('survives a hostile collection and reads back through a CSL parser', () => {
    const backup = hostileCollection(16);
    const collection = new Collection(backup);
    const items = JSON.parse(JSON.stringify(exportCslJson(backup))) as ReturnType<
      typeof exportCslJson
    >;
    expect(new Set(items.map((i) => i.id)).size).toBe(backup.pieces.length);
    for (const item of items) expect(item.id).toMatch(/^[a-z][a-z0-9]*$/);
    const parsed = Object.values(
      parseCSL(
        Object.fromEntries(items.map((i) => [i.id, i])) as unknown as Parameters<
          typeof parseCSL
        >[0],
      ),
    ) as Array<{
      fields: Record<string, unknown>;
    }>;
    expect(parsed).toHaveLength(backup.pieces.length);
    backup.pieces.forEach((piece, i) => {
      expect(items[i]!.title).toBe(flat(piece.title) || flat(piece.url));
      expect(items[i]!.author ?? []).toEqual(expectedNames(collection, piece));
      expect(text(parsed[i]!.fields.title)).toBe(items[i]!.title);
    });
  });
});

describe('BibTeX', () => {
  it('writes biblatex @online entries that a BibTeX parser reads back exactly', () => {
    const backup = hostileCollection(16);
    const collection = new Collection(backup);
    const bib = exportBibtex(backup);
    const result = new BibLatexParser(bib, {
      processUnexpected: true,
      processUnknown: true,
    }).parse();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const entries = Object.values(result.entries);
    expect(entries).toHaveLength(backup.pieces.length);
    expect(new Set(entries.map((e) => e.entry_key)).size).toBe(entries.length);
    backup.pieces.forEach((piece, i) => {
      const entry = entries[i]!;
      expect(entry.bib_type).toBe('online');
      expect(entry.entry_key).toMatch(/^[a-z][a-z0-9]*$/);
      const fields = entry.fields;
      expect(text(fields.title)).toBe(flat(piece.title) || flat(piece.url));
      expect(((fields.author ?? []) as ParsedName[]).map(nameOf)).toEqual(
        expectedNames(collection, piece),
      );
      if (piece.siteName) {
        expect(((fields.organization ?? []) as Nodes[]).map(text)).toEqual([flat(piece.siteName)]);
      }
      expect(text(fields.abstract)).toBe(flat(piece.excerpt));
      expect(fields.url).toBe(piece.url.replace(/ /g, '%20'));
      expect(fields.urldate).toBe(piece.capturedAt.slice(0, 10));
      expect(fields.date).toBe(piece.publishedTime?.slice(0, 10));
    });
  });

  it('keeps braces balanced and names that hold "and" or commas whole', () => {
    const bib = exportBibtex(hostileCollection(16));
    for (const entry of bib.split('\n@').slice(1)) {
      let depth = 0;
      for (let i = 0; i < entry.length; i++) {
        if (entry[i] === '\\') i++;
        else if (entry[i] === '{') depth++;
        else if (entry[i] === '}') depth--;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
    expect(bib).toContain('author = {{Tables, Jr.}, @Robert "Bobby" and Кагарлицкий, Борис}');
    expect(bib).toContain('{Tom and Jerry \\{Inc\\} \\& Co. 50\\% \\#1}');
    // eslint-disable-next-line no-control-regex -- control characters are the point
    expect(bib).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028\u2029]/);
  });

  it('writes the example as expected', () => {
    expect(exportBibtex(exampleBackup()).split('\n\n')[0]).toBe(
      [
        '@online{kagarlitsky2023solidarity,',
        '  author = {Kagarlitsky, Boris},',
        '  title = {Solidarity after the crisis},',
        '  organization = {Example Review},',
        '  date = {2023-11-09},',
        '  year = {2023},',
        '  url = {https://example.org/essays/solidarity-after-the-crisis},',
        '  urldate = {2024-09-02},',
        '  langid = {english},',
        '  abstract = {When institutions fail, what holds people together is rarely an ideology; it is the habit of helping, learned in small places.}',
        '}',
      ].join('\n'),
    );
  });
});

describe('RIS', () => {
  it('writes one ELEC record per piece that a RIS parser reads back', () => {
    const backup = hostileCollection(16);
    const collection = new Collection(backup);
    const ris = exportRis(backup);
    // Records counted by their tags, and by a RIS parser.
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(backup.pieces.length);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(backup.pieces.length);
    for (const line of ris.split('\r\n')) {
      expect(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line)).toBe(true);
    }
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(ris).toContain('AU  - Tables, @Robert "Bobby", Jr.\r\n');
    const result = new RISParser(ris).parse();
    expect(result.errors).toEqual([]);
    const entries = Object.values(result.entries);
    expect(entries).toHaveLength(backup.pieces.length);
    backup.pieces.forEach((piece, i) => {
      const fields = entries[i]!.fields;
      expect(entries[i]!.bib_type).toBe('online');
      expect(text(fields.title)).toBe(flat(piece.title) || flat(piece.url));
      const names = ((fields.author ?? []) as ParsedName[]).map((name) => {
        const parsed = nameOf(name);
        return 'family' in parsed && parsed.given === '' ? { literal: parsed.family } : parsed;
      });
      // RIS has no room for a comma inside a name: it starts the suffix (which this parser drops).
      const plain = (t: string) => t.replace(/\s*,\s*/g, ' ').trim();
      expect(names).toEqual(
        expectedNames(collection, piece).map((name) =>
          'literal' in name
            ? { literal: plain(name.literal) }
            : { family: name.family.split(',')[0]!.trim(), given: plain(name.given) },
        ),
      );
      expect(fields.url).toBe(flat(piece.url));
    });
  });

  it('writes the example as expected', () => {
    const ris = exportRis(exampleBackup());
    expect(ris.split('\r\n\r\n')[4]).toBe(
      [
        'TY  - ELEC',
        'TI  - Why we keep archives',
        'AU  - The Editors,',
        'AU  - Kagarlitsky, Boris',
        'T2  - Example Review',
        'PY  - 2024',
        'DA  - 2024/10/04/',
        'UR  - https://example.org/editorial/why-we-keep-archives',
        'Y2  - 2024-10-05',
        'LA  - en',
        'AB  - An archive is a promise made to people who are not born yet.',
        'ER  - ',
      ].join('\r\n'),
    );
  });
});
