/** The page-side half: what it reads, that it leaves the page alone, and the size limit. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/extract/extract-page';
import {
  DEFAULT_MAX_ELEMS_TO_PARSE,
  PageTooLargeError,
  isPageTooLargeError,
  readPage,
} from '../../../lib/extract/read-page';
import { FIXTURE_DIR, ROOT, SEED_DIR, domFor, readText, selectContents } from './helpers';

const ARTICLE_URL =
  'https://ukraine-solidarity.example/2015/11/reading-list-the-left-ukraine-and-russian-imperialism/';

describe('readPage', () => {
  it('does not modify the live document', () => {
    const dom = domFor(readText(join(SEED_DIR, 'article.html')), ARTICLE_URL);
    const before = dom.serialize();
    readPage(dom.window.document, ARTICLE_URL);
    expect(dom.serialize()).toBe(before);
  });

  it('takes tag links from a list of tags, not from a sentence that links to a tag page', () => {
    const html = `<html><head><title>A reply</title></head><body><article>
      <h1>A reply</h1>
      <p>When we wrote about <a href="/tags/campism/">campism</a> last year, the argument was
      already old, and the replies since have only confirmed what we said then about it.</p>
      <p>Filed under: <a href="/tags/russian-imperialism/">Russian imperialism</a>,
      <a href="/tags/left-debates/">Left debates</a></p>
      <ul><li><a href="/tags/ukraine/">Ukraine</a></li></ul>
    </article></body></html>`;
    const raw = readPage(domFor(html, ARTICLE_URL).window.document, ARTICLE_URL);
    expect(raw.tagLinks).toEqual(['Russian imperialism', 'Left debates', 'Ukraine']);
  });

  it('a title part that names the site where its banner links home is cut off', async () => {
    const url = 'https://www.der-erfolg.example/2014/05/rinderleber/';
    const body =
      '<p>Die Leber in feine Streifen schneiden und kurz anbraten, dann die Zwiebeln.</p>';
    const html = `<html><head><title>Rinderleber mit Apfel | Liebe geht durch den Magen</title>
      </head><body><header><h1><a href="https://www.der-erfolg.example/">Liebe geht durch den
      Magen</a></h1></header><article><h2>Rinderleber mit Apfel</h2>${body.repeat(12)}
      <a href="/2014/05/">Mai</a></article></body></html>`;
    const doc = domFor(html, url).window.document;
    expect(readPage(doc, url).homeLinks).toEqual(['Liebe geht durch den Magen']);
    expect((await extractPage(doc, url)).title).toBe('Rinderleber mit Apfel');
  });

  it('reads the author of a Blogger post, which sits inside the page’s main widget', async () => {
    const url = 'https://emacs-voice.blogspot.example/2019/10/meta-programming.html';
    const body = '<p>And then I decided to make Emacs speak to me, one function at a time.</p>';
    const html = `<html><head><title>Emacs Voice: Meta-Programming</title>
      <link rel="alternate" type="application/atom+xml" title="Emacs Voice - Atom" href="/feeds">
      </head><body><div class="widget Blog" id="Blog1"><div class="post hentry" itemscope>
      <h3 class="post-title">Meta-Programming</h3>
      <div class="post-body entry-content" itemprop="description articleBody">${body.repeat(12)}</div>
      <div class="post-footer"><span class="post-author vcard">Posted by
      <span class="fn" itemprop="author"><a class="g-profile" rel="author"
      href="https://www.blogger.example/profile/1">T. V. Raman</a></span></span></div>
      </div><div class="comments"><a rel="author" href="/profile/2">A Commenter</a></div></div>
      </body></html>`;
    const doc = domFor(html, url).window.document;
    expect(readPage(doc, url).feedTitles).toEqual(['Emacs Voice - Atom']);
    const page = await extractPage(doc, url);
    expect(page.authors).toEqual(['T. V. Raman']);
    expect(page.title).toBe('Meta-Programming');
  });

  it('takes the sections of the breadcrumb trail, without its home page and the page itself', () => {
    const url = 'https://recipes.example/rezepte/porridge/';
    const html = `<html><head><title>Porridge</title></head><body>
      <nav class="breadcrumb"><a href="/">Home</a> › <a href="/rezepte/fruehstueck/">Frühstück</a>
      › <a href="/rezepte/vegan/">Vegan</a> › <a href="/rezepte/porridge/">Porridge</a></nav>
      <article><h1>Porridge</h1><p>Hafer in Milch kochen.</p></article></body></html>`;
    expect(readPage(domFor(html, url).window.document, url).breadcrumbs).toEqual([
      'Frühstück',
      'Vegan',
    ]);
  });

  it('takes tag links set beside the article when it has none, but not the site’s menus', () => {
    const url = 'https://news.example/story/copperfield/';
    const html = `<html><head><title>Story</title></head><body>
      <header><a href="/tag/weather/">Weather</a></header>
      <div class="menu"><a href="/tag/traffic/">Traffic</a></div>
      <article><h1>Story</h1><p>What happened in Copperfield on Tuesday night.</p></article>
      <ul class="story-tags"><li><a href="/tag/harris-county/">Harris County</a></li>
      <li><a href="/tag/lewdness/">Lewdness</a></li></ul></body></html>`;
    expect(readPage(domFor(html, url).window.document, url).tagLinks).toEqual([
      'Harris County',
      'Lewdness',
    ]);
  });

  it.each([
    ['Posted in Datenschutz by damianduchamps on August 3, 2019', 'damianduchamps'],
    ['Gespeichert von rasos am 24. Juli 2017 - 18:55', 'rasos'],
    ['par Didier Roy, 21 juin 2018', 'Didier Roy'],
    ['Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45', 'Pamela Sladky'],
    ['25.10.2022 - Reiner Nagel', 'Reiner Nagel'],
    ['04.02.2022 | 13:10 Uhr | Uta Helkenberg', 'Uta Helkenberg'],
  ])('reads the author from the post’s meta line %j', async (line, name) => {
    const url = 'https://blog.example/2019/08/03/hbdi/';
    const body = '<p>Es bleibt weiterhin spannend, was die Behörden zum Thema noch sagen.</p>';
    const html = `<html><head><title>HBDI</title></head><body><article><h1>HBDI</h1>
      <div class="post-meta">${line}</div>${body.repeat(12)}</article></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.authors).toEqual([name]);
  });

  it('reads the name after the date that opens the piece, not a headline after a date', async () => {
    const url = 'https://kids.example/variablen/';
    const body = '<p>Eine Variable ist wie eine Kiste, in der ein Programm etwas aufhebt.</p>';
    const page = (opening: string) =>
      extractPage(
        domFor(
          `<html><head><title>Variablen</title></head><body><article><h1>Variablen</h1>
          <p>${opening}</p>${body.repeat(12)}</article></body></html>`,
          url,
        ).window.document,
        url,
      );
    expect((await page('11.12.2019 - Amelie Loevenich')).authors).toEqual(['Amelie Loevenich']);
    expect((await page('11.12.2019 - NEUE REGELN für alle')).authors).toEqual([]);
  });

  it('calls a page that gives one piece’s publication time an article, whatever it lists', async () => {
    const url = 'https://netz.example/2016/cider-connection/';
    const entry = (n: number) => `<article class="post hentry"><h2 class="entry-title">
      <a href="/2019/0${n}/reply-${n}/">A reply to the Cider Connection, part ${n}</a></h2>
      <time datetime="2019-0${n}-01">1.${n}.2019</time><div class="entry-summary"><p>Abmahnungen
      gegen Nutzer freier Bilder gehen weiter, und wieder trifft es kleine Blogs, Teil ${n}.</p>
      </div></article>`;
    const page = (head: string) =>
      extractPage(
        domFor(
          `<html><head><title>Die Cider Connection</title>${head}</head><body>
          <h1>Die Cider Connection</h1><p>Abmahnungen gegen Nutzer von Bildern.</p>
          ${[1, 2, 3, 4].map(entry).join('')}</body></html>`,
          url,
        ).window.document,
        url,
      );
    expect((await page('')).pageKind).toBe('listing');
    const stated = '<meta property="article:published_time" content="2016-06-23T16:14:51+02:00">';
    expect((await page(stated)).pageKind).not.toBe('listing');
  });

  it('takes the byline by the title over a crowd of authors of the pieces listed beside', async () => {
    const url = 'https://magazin.example/selfcare/';
    const body = '<p>Selfcare heißt nicht Wellness, sondern sich selbst ernst zu nehmen.</p>';
    const teaser = (name: string) =>
      `<div class="teaser"><a href="/t/${name.length}/">Mehr lesen</a><span class="author">von ${name}</span></div>`;
    const html = `<html><head><title>Selfcare</title></head><body><article><h1>Selfcare</h1>
      <p class="byline">von Anna Dunst</p>${body.repeat(12)}
      ${['Maria Preuß', 'Selina Jüngling', 'Tom Berg'].map(teaser).join('')}</article></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.authors).toEqual(['Anna Dunst']);
  });

  it('takes the title a post’s comment feed gives over the one an SEO plugin rewrote', async () => {
    const url = 'https://papaganda.example/minions/';
    const body = '<p>Mit einer Schablone und einer Malerrolle wird jede Wand zum Bild.</p>';
    const html = `<html><head><title>Minions malen - mit Malerrolle &amp; Farbe | Papaganda</title>
      <meta property="og:title" content="Minions malen - mit Malerrolle &amp; Farbe">
      <link rel="alternate" type="application/rss+xml" title="Papaganda » Feed" href="/feed/">
      <link rel="alternate" type="application/rss+xml"
        title="Papaganda » Minions mit Schablonen malen – mit Malerrolle und bunten Farben Kommentar-Feed"
        href="/minions/feed/"></head><body><article>${body.repeat(12)}</article></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.title).toBe('Minions mit Schablonen malen – mit Malerrolle und bunten Farben');
  });

  it('takes the piece’s <h2> as its title where the page gives no <h1>, as plain text', async () => {
    const url = 'https://lv-sued.example/portraet/';
    const body = '<p>Der Verband vertritt die Genossenschaften des Landes seit vielen Jahren.</p>';
    const html = `<html><head><title>Der Genossenschaftsverband im Porträt | Landesverband Süd</title>
      </head><body><article><h2>Der Genossen&shy;schafts&shy;verband im Porträt</h2>
      ${body.repeat(12)}</article></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.title).toBe('Der Genossenschaftsverband im Porträt');
  });

  it('finds a byline phrase anywhere in the page only when nothing else names an author', async () => {
    const url = 'https://fouryears.example/interning/';
    const body =
      '<p>Interning strings saves memory when the same words come back again and again.</p>';
    const page = (head: string) =>
      extractPage(
        domFor(
          `<html><head><title>Interning</title>${head}</head><body><article><h1>Interning</h1>
          ${body.repeat(12)}</article><div class="sidebar"><span class="category">Posted by
          Konstantin</span></div><p>Reply from a reader, written by Alex Doe.</p></body></html>`,
          url,
        ).window.document,
        url,
      );
    expect((await page('')).authors).toEqual(['Konstantin']);
    expect((await page('<meta name="author" content="Jane Roe">')).authors).toEqual(['Jane Roe']);
    const html = `<html><body><article><h1>Turkey</h1><p>A statement posted by Turkish-speaking
      volunteers, written by Turkish-speaking editors.</p></article></body></html>`;
    expect((await extractPage(domFor(html, url).window.document, url)).authors).toEqual([]);
  });

  it('reads the author a Twitter card labels, and og:article:author', async () => {
    const url = 'https://blog.example/lost/';
    const body = '<p>Manchmal geht etwas verloren, und man findet es erst Jahre später wieder.</p>';
    const withMeta = (metas: string) =>
      extractPage(
        domFor(
          `<html><head><title>Lost</title>${metas}</head><body><article><h1>Lost</h1>
          ${body.repeat(12)}</article></body></html>`,
          url,
        ).window.document,
        url,
      );
    const yoast = `<meta name="twitter:label1" content="Geschätzte Lesezeit">
      <meta name="twitter:data1" content="3 Minuten"><meta name="twitter:label2" content="Verfasst von">
      <meta name="twitter:data2" content="Karoline Herr">`;
    expect((await withMeta(yoast)).authors).toEqual(['Karoline Herr']);
    const og = '<meta property="og:article:author" content="Jane Doe">';
    expect((await withMeta(og)).authors).toEqual(['Jane Doe']);
  });

  it('dates a piece by a phrase that says it was published, not by a date a sentence names', async () => {
    const url = 'https://verband.example/aktuelles/frauen/';
    const body = '<p>Die Miniserie startet heute, und sie erzählt von Frauen im Ehrenamt.</p>';
    const html = `<html><head><title>Frauen im Ehrenamt</title></head><body><article>
      <h1>Frauen im Ehrenamt</h1>${body.repeat(10)}
      <p>Den zweiten Teil veröffentlicht der Verband am Sonntag, 17.10.2021.</p>
      </article><p class="footer-line">Erschienen am: 11.10.2021</p></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.publishedTime).toBe('2021-10-11T00:00:00+00:00');
  });

  it('dates a Blogger post by the date header above it, and a Drupal one by its meta aside', async () => {
    const body = '<p>And then I decided to make Emacs speak to me, one function at a time.</p>';
    const blogger = `<html><head><title>Emacs Voice: Meta</title></head><body>
      <div class="widget Blog"><div class="date-outer"><h2 class="date-header"><span>Wednesday,
      October 16, 2019</span></h2><div class="post hentry" itemscope><h3>Meta</h3>
      <div class="post-body" itemprop="description articleBody">${body.repeat(12)}</div></div>
      </div></div><div class="widget"><span class="date">1 January 2001</span></div></body></html>`;
    const bloggerUrl = 'https://emacs-voice.blogspot.example/p/meta.html';
    const post = await extractPage(domFor(blogger, bloggerUrl).window.document, bloggerUrl);
    expect(post.publishedTime).toBe('2019-10-16T00:00:00+00:00');

    const drupal = `<html><head><title>Gewalt</title></head><body><article class="node">
      <h1>Gewalt</h1><aside class="meta"><time class="hpd-date">18. Okt 2023</time></aside>
      ${body.repeat(12)}<aside class="related"><time>2. Januar 2020</time></aside></article>
      </body></html>`;
    const drupalUrl = 'https://hpd.example/artikel/gewalt';
    const node = await extractPage(domFor(drupal, drupalUrl).window.document, drupalUrl);
    expect(node.publishedTime?.slice(0, 10)).toBe('2023-10-18');
  });

  it('reads an hAtom entry’s date and author when the page has no <article>', async () => {
    const body = '<p>Bumsbutzener Gumpfen sind eine alte schlesische Spezialität, sagt man.</p>';
    const html = `<html><head><title>Tach auch</title></head><body><div id="main">
      <div class="widget Blog"><div class="post hentry"><h3 class="entry-title">Tach auch</h3>
      <div class="post-body entry-content">${body.repeat(12)}</div><div class="post-footer">
      <span class="post-author vcard">Eingestellt von <span class="fn">der Michel</span></span>
      <abbr class="published" title="2020-04-28T21:11:00+02:00">21:11</abbr></div></div></div>
      <div class="widget"><div class="gv-quote hentry">A quote of the day</div></div></div>
      </body></html>`;
    const url = 'https://gumpfen.blogspot.example/2020/04/tach-auch.html';
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.publishedTime).toBe('2020-04-28T21:11:00+02:00');
    expect(page.authors).toEqual(['der Michel']);
  });

  it('takes a <time> marked both published and updated as the published date', () => {
    const url = 'https://segler.example/haltet-unsere-gewaesser-sauber/';
    const html = `<html><body><article><h1>Sauber</h1><aside class="meta" role="complementary">
      <time class="entry-date published updated" datetime="2020-02-23T10:07:02+01:00">23. Februar
      </time></aside><p>Der Plakatwettbewerb für Kinder findet bereits zum sechsten Mal statt.</p>
      </article></body></html>`;
    expect(readPage(domFor(html, url).window.document, url).timeHints).toEqual([
      { value: '2020-02-23T10:07:02+01:00', role: 'published' },
    ]);
  });

  it('searches the page for a date when its meta date is not in ISO form', async () => {
    const url = 'https://zeitung.example/Simmental/Trinkwasser-43157.html';
    const body = '<p>Das Trinkwasser in Schwarzenmatt ist belastet, meldet die Gemeinde.</p>';
    const html = `<html><head><title>Trinkwasser</title>
      <meta name="date" content="11/01/2023 12:43:42"></head><body><article>
      <h1>Trinkwasser</h1>${body.repeat(12)}</article><p>Erstellt am: 01.11.2023</p></body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.publishedTime).toBe('2023-11-01T00:00:00+00:00');
  });

  it('takes the archive links of tags in other languages and CMSs as tag links', () => {
    const url = 'https://journal.example/2022/05/trottinettes/';
    const html = `<html><head><title>Trottinettes</title></head><body><article><h1>Trottinettes</h1>
      <p>La mairesse a présenté un plan pour les trottinettes électriques cette semaine.</p>
      <ul><li><a href="/motcle/valerie-plante">Valérie Plante</a></li>
      <li><a href="/schlagworte/verkehr">Verkehr</a></li><li><a href="/topic/cities">Cities</a></li>
      <li><a href="/tagged/scooters">Scooters</a></li><li><a href="/thema/mobilitaet">Mobilität</a></li>
      </ul></article></body></html>`;
    // jsdom lists the matches of a selector group by selector, a browser in document order.
    expect(readPage(domFor(html, url).window.document, url).tagLinks.sort()).toEqual(
      ['Valérie Plante', 'Verkehr', 'Cities', 'Scooters', 'Mobilität'].sort(),
    );
  });

  it('takes a wiki’s category box and the subjects of schema.org microdata as tag links', () => {
    const url = 'https://wiki.example/wiki/Water-Making_Spell';
    const tagLinksOf = (body: string) =>
      readPage(domFor(`<html><body>${body}</body></html>`, url).window.document, url)
        .tagLinks.slice()
        .sort();
    const text = '<p>A charm that conjured a jet of clean water from the tip of a wand.</p>';
    const mediawiki = `<div id="content" role="main"><h1>Water-Making Spell</h1>${text}
      <div id="catlinks" class="catlinks"><div id="mw-normal-catlinks" class="mw-normal-catlinks">
      <a href="/Special:Categories">Categories</a>: <ul><li><a href="/Category:Charms">Charms</a>
      </li><li><a href="/Category:Conjurations">Conjurations</a></li></ul></div></div></div>`;
    expect(tagLinksOf(mediawiki)).toEqual(['Charms', 'Conjurations']);
    // Fandom sets the box in a <nav>; a <nav class="categories"> is the site's menu.
    const fandom = `<nav class="categories"><ul><li><a href="/c/news">News</a></li></ul></nav>
      <main><article><h1>Water-Making Spell</h1>${text}
      <nav class="article-categories"><ul class="categories"><li><a href="/wiki/Category:Spells">
      Spells</a></li></ul></nav></article></main>`;
    expect(tagLinksOf(fandom)).toEqual(['Spells']);
    const microdata = `<article><h1>DRESS syndrome</h1>${text}<ul>
      <li><span itemprop="about">Eosinophilia</span></li><li><span itemprop="about">Toxicity</span>
      </li></ul><ul><li itemprop="about"><span>Mehr über</span> <a href="/tv/">TV</a></li></ul>
      <div itemprop="about" itemscope><span itemprop="name">A whole thing</span></div></article>`;
    expect(tagLinksOf(microdata)).toEqual(['Eosinophilia', 'TV', 'Toxicity']);
  });

  it('takes links in a box named for the piece’s tags, not a term class or the site’s furniture', () => {
    const url = 'https://reisen.example/emden-21416';
    const html = `<html><body class="archive tax-product_categories">
      <div class="cookie-consent"><ul class="cmplz-categories"><li><a href="#">Statistik</a></li>
      </ul></div><article class="post product_categories-joghurt"><h1>Emden</h1>
      <p>Ein Tag in der Altstadt von Emden, mit dem Rad und zu Fuß am Hafen entlang.</p>
      <p><a href="/reise/hafen">Am Hafen</a></p></article>
      <div class="post_tags"><a href="/entdecken/fahrradtour">Fahrradtour</a>
      <a href="/entdecken/stadtkern">Historischer Stadtkern</a></div>
      <div class="field field--name-field-tags clearfix"><a href="/t/ostfriesland">Ostfriesland</a>
      </div><footer><ul class="footer__categories"><li><a href="/c/hund">Hund</a></li></ul></footer>
      </body></html>`;
    expect(readPage(domFor(html, url).window.document, url).tagLinks.slice().sort()).toEqual([
      'Fahrradtour',
      'Historischer Stadtkern',
      'Ostfriesland',
    ]);
  });

  it('reads references in JSON-LD names, which Readability passes on as written', async () => {
    const url = 'https://diario.example/2022/5/3/policia/';
    const body = '<p>El inspector general anunció la noche de este martes una coordinación.</p>';
    const html = `<html lang="es"><head><title>Policía anuncia coordinación</title>
      <script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle",
      "headline": "Polic&iacute;a anuncia coordinaci&oacute;n",
      "author": {"@type": "Person", "name": "Redacci&oacute;n Diario &Eacute;jemplo"}}</script>
      </head><body><article><h1>Policía anuncia coordinación</h1>${body.repeat(12)}</article>
      </body></html>`;
    const page = await extractPage(domFor(html, url).window.document, url);
    expect(page.authors).toEqual(['Redacción Diario Éjemplo']);
    expect(page.title).toBe('Policía anuncia coordinación');
  });

  it('harvests metadata, hints and the selection as plain JSON', () => {
    const dom = domFor(readText(join(SEED_DIR, 'article.html')), ARTICLE_URL);
    selectContents(dom, '.entry-content p');
    const raw = readPage(dom.window.document, ARTICLE_URL);
    expect(raw.readable).toBe(true);
    expect(raw.canonicalHref).toBe(ARTICLE_URL);
    expect(raw.meta['article:tag']).toEqual(['Russian imperialism', 'Left debates']);
    expect(raw.meta['author']).toEqual(['USC Editors']);
    expect(raw.authorHints).toEqual(['By USC Editors']);
    expect(raw.tagLinks).toEqual(['Russian imperialism', 'Left debates']);
    expect(raw.timeHints).toEqual([{ value: '2015-11-09T10:30:00+00:00', role: 'published' }]);
    expect(raw.headings[0]).toBe('Reading list: the left, Ukraine and Russian imperialism');
    expect(raw.listingItems).toEqual([]);
    expect(raw.selectionText).toMatch(/^Over the past months we have republished/);
    expect(raw.documentLang).toBe('en-GB');
    // Comments are not authors.
    expect(raw.authorHints.join(' ')).not.toContain('Thanks');
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  });

  it('reads JSON-LD script texts as written', () => {
    const dom = domFor(
      readText(join(FIXTURE_DIR, 'jsonld-authors.html')),
      'https://periscope-news.example/a',
    );
    const raw = readPage(dom.window.document, 'https://periscope-news.example/a');
    expect(raw.jsonLd).toHaveLength(2);
    expect(raw.jsonLd[0]).toContain('"@graph"');
  });

  it('throws PageTooLargeError over maxElemsToParse, before Readability runs', () => {
    const dom = domFor(
      readText(join(FIXTURE_DIR, 'multi-author.html')),
      'https://left-review.example/x',
    );
    const count = dom.window.document.getElementsByTagName('*').length;
    let caught: unknown;
    try {
      readPage(dom.window.document, 'https://left-review.example/x', {
        maxElemsToParse: count - 1,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PageTooLargeError);
    expect(isPageTooLargeError(caught)).toBe(true);
    expect((caught as PageTooLargeError).name).toBe('PageTooLargeError');
    expect((caught as PageTooLargeError).elementCount).toBe(count);
    expect((caught as Error).message).toMatch(/too large to extract/);
    // Exactly at the limit is fine.
    expect(() =>
      readPage(dom.window.document, 'https://left-review.example/x', { maxElemsToParse: count }),
    ).not.toThrow();
  });

  it('refuses a page over the default limit through extractPage', async () => {
    const cells = '<i></i>'.repeat(DEFAULT_MAX_ELEMS_TO_PARSE);
    const dom = domFor(
      `<!DOCTYPE html><html><body><div>${cells}</div></body></html>`,
      'https://huge.example/',
    );
    await expect(extractPage(dom.window.document, 'https://huge.example/')).rejects.toSatisfy(
      isPageTooLargeError,
    );
  });

  it('recognises the error by name after it crossed a realm', () => {
    const copy = Object.assign(new Error('x'), { name: 'PageTooLargeError' });
    expect(isPageTooLargeError(copy)).toBe(true);
    expect(isPageTooLargeError(new Error('x'))).toBe(false);
  });
});

describe('page-side bundle', () => {
  /** Local imports of a module, followed recursively; package imports are collected. */
  function importGraph(entry: string): { files: string[]; packages: Set<string> } {
    const files: string[] = [];
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (files.includes(file)) return;
      files.push(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = match[1]!;
        if (spec.startsWith('.'))
          visit(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
        else packages.add(spec);
      }
    };
    visit(entry);
    return { files, packages };
  }

  it('does not pull DOMPurify or the public suffix list into the page', () => {
    const { packages } = importGraph(join(ROOT, 'lib/extract/read-page.ts'));
    expect([...packages]).toEqual(['@mozilla/readability']);
  });
});

describe('page-side bundle size', () => {
  it('stays under 30 KB gzipped with Readability', async () => {
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch {
      return; // esbuild comes with the build tools; without it there is nothing to measure.
    }
    const { gzipSync } = await import('node:zlib');
    const result = await esbuild.build({
      entryPoints: [join(ROOT, 'lib/extract/read-page.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    expect(gzipSync(code).length).toBeLessThan(30 * 1024);
  });
});

describe('readPage: dates and bylines written in the text', () => {
  it('reads the opening after the heading and the end of the piece, scripts left out', () => {
    const dom = domFor(
      `<html><body><article><header><h1>Klänge des Verschweigens</h1>
        <p>Ein Film von <em>Klaus Stanjek</em> | von Klaus Stanjek, 2. August 2019</p></header>
        <p>${'Text des Beitrags. '.repeat(30)}</p>
        <p>Autor: Anna Berg</p><script>var by = "By Nobody Here";</script></article></body></html>`,
      'https://film.example/geschichte',
    );
    const raw = readPage(dom.window.document, 'https://film.example/geschichte');
    expect(raw.textBylines).toEqual(['Klaus Stanjek', 'Anna Berg']);
    expect(raw.dateTexts.at(-1)).toMatch(
      /^Klänge des Verschweigens Ein Film von Klaus Stanjek \| von Klaus Stanjek, 2\. August 2019/,
    );
  });
});
