import { describe, expect, it } from 'vitest';
import { nameFromProfileUrl, parseAuthors, pickAuthors } from '../../../lib/extract/authors';

describe('parseAuthors', () => {
  it.each([
    ['By Alice Walker, Bob Dylan and Carol King', ['Alice Walker', 'Bob Dylan', 'Carol King']],
    ['Tomasz Nowak & Claire Dubois', ['Tomasz Nowak', 'Claire Dubois']],
    ['Par Jean Dupont et Marie Curie', ['Jean Dupont', 'Marie Curie']],
    ['Von Hans Müller und Petra Schmidt', ['Hans Müller', 'Petra Schmidt']],
    ['Por Ana García y Luis Pérez', ['Ana García', 'Luis Pérez']],
    ['Di Luigi Rossi e Anna Bianchi', ['Luigi Rossi', 'Anna Bianchi']],
    ['Door Jan de Vries en Marieke Bakker', ['Jan de Vries', 'Marieke Bakker']],
    ['Jordi Puig i Marta Vidal', ['Jordi Puig', 'Marta Vidal']],
    ['Автор: Иван Петров и Мария Иванова', ['Иван Петров', 'Мария Иванова']],
  ])('splits %j', (byline, expected) => {
    expect(parseAuthors([byline])).toEqual(expected);
  });

  it('drops translators, editors, photographers and credits', () => {
    expect(
      parseAuthors(['By Mathieu Laurent. Translated by Nina Hale. Edited by Tom Reed.']),
    ).toEqual(['Mathieu Laurent']);
    expect(parseAuthors(['Jean Dupont, traduit par Paul Martin'])).toEqual(['Jean Dupont']);
    // A transliterated two-letter initial is no end of sentence.
    expect(parseAuthors(['Boris Yu. Kagarlitsky'])).toEqual(['Boris Yu. Kagarlitsky']);
    expect(parseAuthors(['By Ilya Ch. Budraitskis. Translated by Nina Hale.'])).toEqual([
      'Ilya Ch. Budraitskis',
    ]);
    expect(parseAuthors(['Text: Eva Braun-Weiss, übersetzt von Karl Ott'])).toEqual([
      'Eva Braun-Weiss',
    ]);
    expect(parseAuthors(['Por Ana García, traducido por Luis Pérez'])).toEqual(['Ana García']);
    expect(parseAuthors(['By Rosa Lindqvist · Photo: Marek Zielinski'])).toEqual([
      'Rosa Lindqvist',
    ]);
    expect(parseAuthors(['Photograph by John Smith', 'By Sam Okafor'])).toEqual(['Sam Okafor']);
    expect(parseAuthors(['Illustration by Kate Moss'])).toEqual([]);
    expect(parseAuthors(['Photo credit: John Smith'])).toEqual([]);
    expect(parseAuthors(['Credit: Getty Images'])).toEqual([]);
  });

  it('drops dates, times and e-mail addresses', () => {
    expect(parseAuthors(['By Jane Doe on March 3, 2015 at 10:00 am'])).toEqual(['Jane Doe']);
    expect(parseAuthors(['By Olena Marchenko | 14 November 2015'])).toEqual(['Olena Marchenko']);
    expect(parseAuthors(['Par Jean Dupont le 3 mars 2015'])).toEqual(['Jean Dupont']);
    expect(parseAuthors(['Jane Doe jane.doe@example.org'])).toEqual(['Jane Doe']);
    expect(parseAuthors(['Jane Doe — Updated 3 hours ago'])).toEqual(['Jane Doe']);
  });

  it('drops desks, agencies and the site name when a person is named', () => {
    expect(parseAuthors(['By Jane Doe, Reuters staff'])).toEqual(['Jane Doe']);
    expect(parseAuthors(['Jane Doe and Newsroom'])).toEqual(['Jane Doe']);
    expect(parseAuthors(['Staff', 'Jane Doe'])).toEqual(['Jane Doe']);
    expect(
      parseAuthors(['Ukraine Solidarity Campaign', 'Jane Doe'], {
        siteName: 'Ukraine Solidarity Campaign',
      }),
    ).toEqual(['Jane Doe']);
    expect(parseAuthors(['Jane Doe, Political Editor'])).toEqual(['Jane Doe']);
  });

  it('keeps an organisation when nobody else is named', () => {
    expect(parseAuthors(['USC Editors'])).toEqual(['USC Editors']);
    expect(parseAuthors(['Reuters staff'])).toEqual(['Reuters staff']);
    expect(parseAuthors(['Socialists and Democrats Group'])).toEqual([
      'Socialists and Democrats Group',
    ]);
    expect(parseAuthors(['By USC Editors'], { siteName: 'Ukraine Solidarity Campaign' })).toEqual([
      'USC Editors',
    ]);
  });

  it('de-duplicates case- and accent-insensitively, keeping the first spelling', () => {
    expect(parseAuthors(['José Pérez', 'JOSE PEREZ', 'jose  perez', 'Ana Gómez'])).toEqual([
      'José Pérez',
      'Ana Gómez',
    ]);
  });

  it('keeps initials and particles', () => {
    expect(parseAuthors(['By J. R. R. Tolkien and Ilse van der Berg'])).toEqual([
      'J. R. R. Tolkien',
      'Ilse van der Berg',
    ]);
    expect(parseAuthors(['Di Maio'])).toEqual(['Di Maio']);
  });

  it('turns structured "Family, Given" around and does not split it', () => {
    expect(parseAuthors(['Doe, Jane'], { structured: true })).toEqual(['Jane Doe']);
    expect(parseAuthors(['Doe, Jane'])).toEqual(['Doe', 'Jane']);
    // A degree after the comma is no given name.
    expect(parseAuthors(['Grant Tinsley, PhD'], { structured: true })).toEqual(['Grant Tinsley']);
  });

  it('ignores junk', () => {
    expect(
      parseAuthors([null, undefined, '', '   ', 'admin', 'https://example.org/author/x', '12345']),
    ).toEqual([]);
  });
});

describe('pickAuthors', () => {
  it('takes the first source that names a person', () => {
    const sources = [
      { strings: [] },
      { strings: ['Neue Linke Hefte'] },
      { strings: ['Von Hans Müller und Petra Schmidt | 9. Februar 2015'] },
      { strings: ['Someone Else'] },
    ];
    expect(pickAuthors(sources, 'Neue Linke Hefte')).toEqual(['Hans Müller', 'Petra Schmidt']);
  });

  it('falls back to the first organisation when nobody is named', () => {
    expect(
      pickAuthors(
        [{ strings: ['USC Editors'] }, { strings: ['By USC Editors'] }],
        'Ukraine Solidarity Campaign',
      ),
    ).toEqual(['USC Editors']);
    expect(pickAuthors([{ strings: [] }], null)).toEqual([]);
  });
});

describe('nameFromProfileUrl', () => {
  it('reads a name from an author profile slug', () => {
    expect(nameFromProfileUrl('https://site.example/author/jane-doe/')).toBe('Jane Doe');
    expect(nameFromProfileUrl('https://www.facebook.example/profile.php?id=1234')).toBeNull();
    expect(nameFromProfileUrl('not a url')).toBeNull();
  });
});

describe('parseAuthors on bylines seen on real pages', () => {
  it.each([
    [
      'Jean Dupont (avec Marie Curie et Paul Martin)',
      ['Jean Dupont', 'Marie Curie', 'Paul Martin'],
    ],
    ['von gizzmo', ['gizzmo']],
    ['Geschrieben vonElisa Marvena', ['Elisa Marvena']],
    ['Von:Moritz Pieczewski-Freimuth', ['Moritz Pieczewski-Freimuth']],
    ['Ein Beitrag von Anna Berg', ['Anna Berg']],
    ['Johanna Kropfitsch Alle Artikel', ['Johanna Kropfitsch']],
    ['Written by Ana Renz View all posts', ['Ana Renz']],
    ['Auteur', []],
    ['Борис Кагарлицкий', ['Борис Кагарлицкий']],
    ['Автор: Борис Кагарлицкий', ['Борис Кагарлицкий']],
    // The prefix is read before a date: "Veröffentlicht" alone starts a date stamp.
    ['Veröffentlicht von HansG', ['HansG']],
    ['Eingestellt von Weinlachgummi', ['Weinlachgummi']],
    ['vom Support Team', ['Support Team']],
    ['Creeny Zeige alle Beiträge von Creeny', ['Creeny']],
    ['~ Cem Basman', ['Cem Basman']],
    // Digits inside a handle belong to it; a number on its own starts a date.
    ['freeman1984', ['freeman1984']],
    ['von r23 · 21.01.2009', ['r23']],
    // The words of a meta line are no names.
    [
      'Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar',
      ['freeman1984'],
    ],
    ['Er studierte Russistik und Geschichte in Berlin', []],
    ['der Michel', ['der Michel']],
    ['Por Williams Perdomo @wperdomod', ['Williams Perdomo']],
    // Job titles before a name, links beside it, credits and dates glued to it.
    ['Rechtsanwalt Sebastian Einbock', ['Sebastian Einbock']],
    ['FOCUS-Online-Experte Robin Tschöpe', ['Robin Tschöpe']],
    ['Alles von Martin Junker', ['Martin Junker']],
    ['More from Jane Doe', ['Jane Doe']],
    ['Birgit Posselt | Über | Autorenseite von', ['Birgit Posselt']],
    ['Zur Artikelübersicht', []],
    ['Fritz ImhofQuelle: Livenet', ['Fritz Imhof']],
    ['José Miguel WilsonHace 2 horas', ['José Miguel Wilson']],
    ['Tomas Spahn Fr, 12. Januar 2024', ['Tomas Spahn']],
    ['Heiko Sauer, Do', ['Heiko Sauer']],
    ['Kossivi Tiassou Edition: Jane Doe', ['Kossivi Tiassou']],
    ['© Kathrin Führes Kathrin Führes', ['Kathrin Führes']],
    ['R. R.', ['R. R.']],
    ['No Author', []],
    ['Nicole Collignon22. Februar 2020', ['Nicole Collignon']],
    ['Houzz Deutschlandvor 5 StundenMehr', ['Houzz Deutschland']],
    ['Zuvor Klaus', ['Zuvor Klaus']],
    ['Dr.\n \n    Nino\n \n    Jordan', ['Dr. Nino Jordan']],
    ['anna\nbob', ['anna', 'bob']],
  ])('%j', (byline, expected) => {
    expect(parseAuthors([byline])).toEqual(expected);
  });

  it('keeps the site’s name whole when it is given as the author', () => {
    expect(parseAuthors(['Jobs & Hire'], { siteName: 'Jobs & Hire' })).toEqual(['Jobs & Hire']);
    expect(parseAuthors(['Jobs & Hire'])).toEqual(['Jobs', 'Hire']);
  });

  it('takes a web address for a site, not a person', () => {
    expect(parseAuthors(['finanztreff.de', 'David Hutzler'])).toEqual(['David Hutzler']);
    expect(parseAuthors(['auto-motor.at Redaktion'])).toEqual(['auto-motor.at Redaktion']);
  });
});
