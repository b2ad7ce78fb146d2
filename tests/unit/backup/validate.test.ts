import { describe, expect, it } from 'vitest';
import { isIsoDate, isTimestamp, jsonValueProblem } from '../../../lib/model/row-schemas';
import { joinPath, pathOf } from '../../../lib/backup/issues';
import {
  describeCounts,
  locateJsonError,
  parseJson,
  validateBackup,
} from '../../../lib/backup/validate';
import { makeCollection, random } from './helpers';

describe('validateBackup', () => {
  it('accepts a generated collection as text and as a value, without copying it', () => {
    const collection = makeCollection(41, 8);
    const fromValue = validateBackup(collection);
    expect(fromValue).toEqual({ ok: true, backup: collection, upgradedFrom: null });
    if (fromValue.ok) expect(fromValue.backup).toBe(collection);
    expect(validateBackup(JSON.stringify(collection))).toMatchObject({ ok: true });
  });

  it('summarises the counts in one line', () => {
    const collection = makeCollection(42, 3);
    expect(describeCounts(collection)).toMatch(
      /^3 pieces, \d+ stored cop(y|ies), \d+ passages?, 18 tags \(10 authors, 8 themes\), 2 settings$/,
    );
  });

  it('checks timestamps for shape and for calendar sense', () => {
    for (const good of [
      '2024-02-29T12:00:00Z',
      '2024-01-01T00:00:00.123+14:00',
      '1999-12-31T23:59:59-05:00',
    ]) {
      expect(isTimestamp(good), good).toBe(true);
    }
    for (const bad of [
      '2023-02-29T12:00:00Z',
      '2024-01-01',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00:00+15:00',
      '2024-01-01 00:00:00Z',
      'yesterday',
    ]) {
      expect(isTimestamp(bad), bad).toBe(false);
    }
  });

  it('takes publication dates with or without a time', () => {
    for (const good of [
      '2024-05-01',
      '2024-05-01T10:30',
      '2024-05-01T10:30:00+02:00',
      '2024-05-01T10:30:00.5Z',
      '2015-11-09T10:30:00+00:00',
    ]) {
      expect(isIsoDate(good), good).toBe(true);
    }
    for (const bad of [
      '2024-5-1',
      '2024-02-30',
      '2024-05-01T25:00',
      '2024-05',
      'May 2024',
      '2024-05-01T10:30+15:00',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('bounds JSON values without recursing into the depths', () => {
    expect(jsonValueProblem({ a: [1, 'x', null, true, { b: [] }] })).toBeNull();
    expect(jsonValueProblem(new Date())).toBe('not a plain JSON object');
    expect(jsonValueProblem({ f: () => 1 })).toBe('not a JSON value (function)');
    expect(jsonValueProblem([Number.NaN])).toBe('not a JSON number');
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonValueProblem(deep)).toMatch(/nested too deeply/);
  });

  it('writes paths the way the docs say', () => {
    expect(pathOf('', ['version'])).toBe('$.version');
    expect(pathOf('', ['pieces', 3, 'url'])).toBe('pieces[3].url');
    expect(pathOf('', ['settings', 'a b'])).toBe('$.settings["a b"]');
    expect(pathOf('passages[2]', ['selectors', 0])).toBe('passages[2].selectors[0]');
    expect(joinPath('tags[0]', 'key with space')).toBe('tags[0]["key with space"]');
    expect(pathOf('', [])).toBe('$');
  });
});

describe('JSON syntax errors', () => {
  it('says where the text stops being JSON', () => {
    expect(parseJson('{\n  "a": 1,\n  "b": tru\n}')).toEqual({
      ok: false,
      error: { path: '$', message: 'not valid JSON at line 3, column 8: unexpected character "t"' },
    });
    expect(parseJson('{"a": "line\nbreak"}')).toMatchObject({
      error: {
        message:
          'not valid JSON at line 1, column 12: a control character (such as a line break) inside a string',
      },
    });
    expect(parseJson('[1, 2,]')).toMatchObject({
      error: { message: 'not valid JSON at line 1, column 7: a comma before "]"' },
    });
    expect(parseJson('{"a" 1}')).toMatchObject({
      error: { message: 'not valid JSON at line 1, column 6: expected ":" after a field name' },
    });
    expect(parseJson('[1 2]')).toMatchObject({
      error: { message: 'not valid JSON at line 1, column 4: expected "," or "]", found "2"' },
    });
    expect(parseJson('{"a": [1, {"b": "c')).toMatchObject({
      error: { message: 'not valid JSON: the file ends too early (cut off?) at line 1' },
    });
    expect(parseJson('"\\x"')).toMatchObject({
      error: { message: 'not valid JSON at line 1, column 2: a bad escape "\\x" inside a string' },
    });
    expect(parseJson('01')).toMatchObject({
      error: { message: 'not valid JSON at line 1, column 2: more text after the end of the JSON' },
    });
  });

  it('agrees with JSON.parse on thousands of damaged texts', () => {
    const rnd = random(7);
    const sample = JSON.stringify(makeCollection(43, 2)).slice(0, 3000);
    const valid = sample.slice(0, sample.lastIndexOf('}') + 1);
    const alphabet = '{}[]",:0123456789-.eE+ \n\\utrfalsn\u0001x';
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(rnd() * valid.length);
      const c = alphabet[Math.floor(rnd() * alphabet.length)]!;
      const roll = rnd();
      const text =
        roll < 0.33
          ? valid.slice(0, at) + valid.slice(at + 1)
          : roll < 0.66
            ? valid.slice(0, at) + c + valid.slice(at)
            : valid.slice(0, at);
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect(
        locateJsonError(text) === null,
        JSON.stringify(text.slice(Math.max(0, at - 20), at + 20)),
      ).toBe(parses);
    }
  });
});
