import { describe, expect, it } from 'vitest';
import {
  pickTitle,
  postTitlesOfFeeds,
  siteNamesOfFeeds,
  type TitleSources,
} from '../../../lib/extract/title';

const sources = (over: Partial<TitleSources>): TitleSources => ({
  documentTitle: null,
  metaTitles: [],
  headings: [],
  headingAlone: true,
  subheadings: [],
  readabilityTitle: null,
  siteNames: [],
  host: 'www.left-review.example',
  ...over,
});

describe('pickTitle', () => {
  it.each([
    ['Against campism - Left Review', 'Left Review'],
    ['Left Review | Against campism', 'Left Review'],
    ['Against campism › Blog of the Left', 'Blog of the Left'],
    ['Against campism – Kagarlitsky’s Diary', 'Kagarlitsky’s Diary'],
    ['Against campism :: Left Review', null],
    ['Against campism - left-review.example', null],
    ['Against campism | Rezension von Left-Review', null],
    ['Left Review » Blog Archive » Against campism', 'Left Review'],
  ])('cuts the site name off %j', (documentTitle, siteName) => {
    expect(pickTitle(sources({ documentTitle, siteNames: [siteName] }))).toBe('Against campism');
  });

  it('cuts a web address that names a site other than the page’s host', () => {
    expect(pickTitle(sources({ documentTitle: 'Against campism | FASSETTE.NET' }))).toBe(
      'Against campism',
    );
    expect(pickTitle(sources({ documentTitle: 'Vue.js - The Progressive Framework' }))).toBe(
      'Vue.js - The Progressive Framework',
    );
  });

  it('takes the headline without the kicker another source shows it without', () => {
    const kicked = 'Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer';
    expect(
      pickTitle(sources({ metaTitles: [kicked], headings: ['Kaeser verarscht Neubauer'] })),
    ).toBe('Kaeser verarscht Neubauer');
    expect(
      pickTitle(
        sources({
          metaTitles: [
            'Grenzschließungen: Deutschland, Frankreich und die Rückkehr der Ressentiments',
            'Deutschland, Frankreich und die Rückkehr der Ressentiments',
          ],
        }),
      ),
    ).toBe('Deutschland, Frankreich und die Rückkehr der Ressentiments');
    // A quotation before the colon is the headline's own.
    const quoted = '„Pure Leere“: Ein Abend im Theater';
    expect(pickTitle(sources({ metaTitles: [quoted, 'Ein Abend im Theater'] }))).toBe(quoted);
  });

  it('keeps a title that is all there is, and the separators inside the kept part', () => {
    expect(pickTitle(sources({ documentTitle: 'Left Review' }))).toBe('Left Review');
    expect(
      pickTitle(
        sources({
          documentTitle: 'Ukraine - the debate - one year on | Left Review',
          siteNames: ['Left Review'],
        }),
      ),
    ).toBe('Ukraine - the debate - one year on');
  });

  it('prefers the visible heading when the metadata says the same', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Russian imperialism and the left - Left Review',
          metaTitles: ['Russian imperialism and the left'],
          headings: ['RUSSIAN IMPERIALISM AND THE LEFT: A REPLY'],
        }),
      ),
    ).toBe('RUSSIAN IMPERIALISM AND THE LEFT: A REPLY');
  });

  it('passes over a heading that is the site’s logo or says something else', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Novorossiya, a failed project - Left Review',
          headings: ['Left Review', 'Subscribe to our newsletter'],
          siteNames: ['Left Review'],
        }),
      ),
    ).toBe('Novorossiya, a failed project');
  });

  it('falls back to the heading, then Readability', () => {
    expect(pickTitle(sources({ headings: ['Борис Кагарлицкий: ответ критикам'] }))).toBe(
      'Борис Кагарлицкий: ответ критикам',
    );
    expect(pickTitle(sources({ readabilityTitle: 'Lone guess' }))).toBe('Lone guess');
    expect(pickTitle(sources({}))).toBeNull();
  });

  it('cuts the site’s name and every tagline after it', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Against campism : Left-Review-Archiv | Debates since 2005 | 6. Jahrgang',
          siteNames: ['Left-Review-Archiv'],
        }),
      ),
    ).toBe('Against campism');
  });

  it('cuts a site name that has a separator of its own', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Against campism - Essays - Left Review in Berlin',
          siteNames: ['Essays - Left Review in Berlin'],
        }),
      ),
    ).toBe('Against campism');
  });

  it('keeps a quotation’s closing mark and an empty part between separators', () => {
    expect(pickTitle(sources({ documentTitle: '«Wir waren fast 40 Tage in Quarantäne»' }))).toBe(
      '«Wir waren fast 40 Tage in Quarantäne»',
    );
    expect(
      pickTitle(sources({ documentTitle: 'left-review.example // » Boris Kagarlitsky' })),
    ).toBe('Boris Kagarlitsky');
  });

  it('cuts the site’s name off a heading that carries it', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Against campism | Left Review',
          metaTitles: ['Against campism'],
          headings: ['Against campism | Left Review'],
          siteNames: ['Left Review'],
        }),
      ),
    ).toBe('Against campism');
  });
});

describe('pickTitle and the heading as a part of the title', () => {
  it('takes a heading that is the title’s first or last part, whatever the rest says', () => {
    const documentTitle =
      'Ben Wilson Surf - Point of Sail - Segelmacher, Surf und Kite Shop in Kiel';
    expect(pickTitle(sources({ documentTitle, headings: ['Ben Wilson Surf'] }))).toBe(
      'Ben Wilson Surf',
    );
    expect(
      pickTitle(
        sources({
          documentTitle: 'Home - Ein Quantensprung für Nordhausen',
          headings: ['Ein Quantensprung für Nordhausen'],
        }),
      ),
    ).toBe('Ein Quantensprung für Nordhausen');
  });

  it('passes over a one-word heading, a section’s name more often than a piece’s', () => {
    const documentTitle = 'Chorgeschichte der Knaben seit 1960 - Geschichte';
    expect(pickTitle(sources({ documentTitle, headings: ['Geschichte'] }))).toBe(documentTitle);
  });
});

describe('pickTitle and kickers', () => {
  it.each([
    ['Tunesien Große Aufgaben für die neue Regierung', 'Große Aufgaben für die neue Regierung'],
    ['Local News | Brothel busted in Boston', 'Brothel busted in Boston'],
    [': Wie Firmen ihre Beschäftigten schützen', 'Wie Firmen ihre Beschäftigten schützen'],
  ])('takes the headline without the kicker in the heading %j', (heading, headline) => {
    expect(pickTitle(sources({ metaTitles: [headline], headings: [heading] }))).toBe(headline);
  });

  it('keeps a quotation that leads the headline, and a subtitle after it', () => {
    const quoted = '„Pure Leere“: Marita Kramer verpasst Olympia';
    expect(
      pickTitle(sources({ metaTitles: ['Marita Kramer verpasst Olympia'], headings: [quoted] })),
    ).toBe(quoted);
    const long = 'Große Aufgaben für die neue Regierung: eine Analyse';
    expect(
      pickTitle(
        sources({ metaTitles: ['Große Aufgaben für die neue Regierung'], headings: [long] }),
      ),
    ).toBe(long);
  });
});

describe('siteNamesOfFeeds', () => {
  it('reads the site from WordPress and Blogger feed titles', () => {
    expect(
      siteNamesOfFeeds([
        'Bibliothek 2.0 und mehr » Feed',
        'Bibliothek 2.0 und mehr » Kommentar-Feed',
        'Bibliothek 2.0 und mehr » Alles Neue mach der Mai… Kommentar-Feed',
        'Emacspeak - Atom',
        'Podcast Feed: 1337 Kultur (MP3 Audio)',
      ]),
    ).toEqual(['Bibliothek 2.0 und mehr', 'Emacspeak']);
  });

  it('reads the site from feed titles of other CMSs, not from a post’s own feed', () => {
    expect(
      siteNamesOfFeeds([
        'DimidoBlog RSS Feed',
        'Atom-Feed für „Piratenwiki“',
        'Site News RSS 2.0',
        'A6 nach tödlichem Unfall für mehrere Stunden gesperrt RSS',
      ]),
    ).toEqual(['DimidoBlog', 'Piratenwiki', 'Site News']);
  });

  it('takes a bookmark’s heading only where the metadata’s title says the same', () => {
    const documentTitle = 'ORSO MARSICANO: 2019 UN ANNO DA RECORD | Parco Nazionale d’Abruzzo';
    const headings = ['ORSO MARSICANO: 2019 UN ANNO DA RECORD'];
    expect(pickTitle(sources({ documentTitle, headings, headingAlone: false }))).toBe(headings[0]);
    expect(pickTitle(sources({ headings: ['Sign in'], headingAlone: false }))).toBeNull();
  });

  it('takes an <h2> that is the title or its first part where no <h1> says so', () => {
    const documentTitle = 'Der Genossenschaftsverband im Porträt | Genossenschaftsverband (GVB)';
    const subheadings = ['Der Genossenschaftsverband im Porträt', 'Unsere Mitglieder'];
    expect(pickTitle(sources({ documentTitle, subheadings }))).toBe(subheadings[0]);
    // The case the page shows, not the one an SEO plugin wrote into og:title.
    const shown = 'Vessel Returning to Puerto Rico With 475 Pounds of Cocaine';
    expect(
      pickTitle(
        sources({
          metaTitles: [shown.replace(/\b\w/g, (c) => c.toUpperCase())],
          subheadings: [shown],
        }),
      ),
    ).toBe(shown);
    // Punctuation around a name is no agreement: "[> Jens Weber" is a widget's heading.
    expect(
      pickTitle(sources({ documentTitle: 'Jens Weber', subheadings: ['[> Jens Weber'] })),
    ).toBe('Jens Weber');
  });

  it('completes a meta title that the page’s own quotation marks cut short', () => {
    const documentTitle = 'Senador republicano califica a Biden de "incapacitado"';
    expect(
      pickTitle(
        sources({ documentTitle, metaTitles: ['Senador republicano califica a Biden de'] }),
      ),
    ).toBe(documentTitle);
  });

  it('reads the post’s own title from the feed of its comments', () => {
    expect(
      postTitlesOfFeeds([
        'Papaganda » Feed',
        'Papaganda » Kommentar-Feed',
        'Papaganda » Minions mit Schablonen malen – mit Malerrolle und bunten Farben Kommentar-Feed',
        'Left Review » Against campism Comments Feed',
        'Left Review » Ukraine Category Feed',
      ]),
    ).toEqual([
      'Minions mit Schablonen malen – mit Malerrolle und bunten Farben',
      'Against campism',
    ]);
  });

  it('lets a site named only by its feeds be cut from the title', () => {
    expect(
      pickTitle(
        sources({
          documentTitle: 'Alles Neue mach der Mai… | Bibliothek 2.0 und mehr',
          siteNames: siteNamesOfFeeds(['Bibliothek 2.0 und mehr » Feed']),
        }),
      ),
    ).toBe('Alles Neue mach der Mai…');
  });
});
