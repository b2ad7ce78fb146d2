import { describe, expect, test } from 'vitest';
import {
  exportSelection,
  viewPieceCount,
  type ShownCollection,
} from '../../../lib/library/export-scope';
import { passage, piece } from './helpers';

const shown: ShownCollection = {
  view: 'pieces',
  openPiece: null,
  pieces: [piece('a'), piece('b')],
  passages: [passage('p1', 'a'), passage('p2', 'c'), passage('p3', 'a')],
  firstScreenOnly: false,
};

describe('exportSelection', () => {
  test('everything: every piece with all its passages', () => {
    expect(exportSelection('all', { ...shown, openPiece: 'a' })).toEqual({
      pieceIds: null,
      passageIds: null,
    });
  });
  test('the open piece', () => {
    expect(exportSelection('piece', { ...shown, openPiece: 'z' })).toEqual({
      pieceIds: ['z'],
      passageIds: null,
    });
  });
  test('"this piece" with none open is the view', () => {
    expect(exportSelection('piece', shown)).toEqual({ pieceIds: ['a', 'b'], passageIds: null });
  });
  test('the passages view: the shown passages and the pieces they are on, each once', () => {
    expect(exportSelection('view', { ...shown, view: 'passages' })).toEqual({
      pieceIds: ['a', 'c'],
      passageIds: new Set(['p1', 'p2', 'p3']),
    });
  });
  test('the view while only its first screen is read: it shows every piece', () => {
    expect(exportSelection('view', { ...shown, firstScreenOnly: true })).toEqual({
      pieceIds: null,
      passageIds: null,
    });
  });
  test('the pieces view: its pieces', () => {
    expect(exportSelection('view', shown)).toEqual({ pieceIds: ['a', 'b'], passageIds: null });
  });
});

test('viewPieceCount counts what "the current view" exports', () => {
  expect(viewPieceCount(shown, 9)).toBe(2);
  expect(viewPieceCount({ ...shown, firstScreenOnly: true }, 9)).toBe(9);
  expect(viewPieceCount({ ...shown, view: 'passages' }, 9)).toBe(2);
});
