import { describe, expect, it } from 'vitest';
import { isOrganisationName, parsePersonName } from '../../../lib/extract/names';

describe('parsePersonName', () => {
  it.each([
    ['Jane Doe', { family: 'Doe', given: 'Jane' }],
    ['Hans Müller', { family: 'Müller', given: 'Hans' }],
    ['Jean-Baptiste Moreau', { family: 'Moreau', given: 'Jean-Baptiste' }],
    ['J. R. R. Tolkien', { family: 'Tolkien', given: 'J. R. R.' }],
    ['Ilse van der Berg', { family: 'van der Berg', given: 'Ilse' }],
    ['Ludwig von Mises', { family: 'von Mises', given: 'Ludwig' }],
    ['Luigi Di Maio', { family: 'Di Maio', given: 'Luigi' }],
    ['Charles de Gaulle', { family: 'de Gaulle', given: 'Charles' }],
    ['Jean-Marie Le Pen', { family: 'Le Pen', given: 'Jean-Marie' }],
    ['Gerrit ter Horst', { family: 'ter Horst', given: 'Gerrit' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
    ['van der Berg, Ilse', { family: 'van der Berg', given: 'Ilse' }],
    ['Martin Luther King Jr.', { family: 'King Jr.', given: 'Martin Luther' }],
    ['JANE DOE', { family: 'DOE', given: 'JANE' }],
  ])('%s', (name, expected) => {
    expect(parsePersonName(name)).toEqual(expected);
  });

  it.each([
    'USC Editors',
    'Reuters Staff',
    'Socialists and Democrats Group',
    'Ukraine Solidarity Campaign',
    'Central Committee',
    'Zapatista Collective',
    'Novosti Press Agency',
    'Institute of Globalization and Social Movements',
    'Socialist Workers Party',
    'Russian Socialist Movement',
    'Foreign Desk',
    'The Newsroom',
    'AFP',
    'RS21',
    'One Two Three Four Five',
  ])('keeps %s as a literal', (name) => {
    expect(parsePersonName(name)).toEqual({ literal: name });
    expect(isOrganisationName(name)).toBe(true);
  });

  it('keeps a single word and an empty name as literals', () => {
    expect(parsePersonName('Madonna')).toEqual({ literal: 'Madonna' });
    expect(parsePersonName('  ')).toEqual({ literal: '' });
    expect(isOrganisationName('Madonna')).toBe(false);
  });

  it('normalises spacing', () => {
    expect(parsePersonName('  Ana   García ')).toEqual({ family: 'García', given: 'Ana' });
  });
});
