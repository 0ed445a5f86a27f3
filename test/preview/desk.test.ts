/** The desk’s page: its tabs (each article, then the tables) and the frames each shows. */
import { describe, expect, it } from 'vitest';
import { fr } from '../../src/messages/fr.js';
import { type DeskView, deskPage } from '../../src/preview/desk.js';

const view = (over: Partial<DeskView>): DeskView => ({
  edition: '2024',
  articles: [
    { slug: 'radiologues', title: 'Radiologues' },
    { slug: 'manipulateurs-cadres', title: 'Manipulateurs' },
  ],
  article: undefined,
  tables: false,
  error: null,
  status: 'À jour',
  since: '0a1b2c3d.3',
  words: fr.preview.desk,
  ...over,
});

const frames = (html: string) =>
  [...html.matchAll(/<iframe[^>]* data-name="([^"]+)"/g)].map((m) => m[1]);
const tabs = (html: string) =>
  [...html.matchAll(/<nav>(.*?)<\/nav>/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map(
      (a) => `${a[3]}${a[2] ? ' (shown)' : ''} ${a[1]}`,
    ),
  );

describe('the desk', () => {
  it('has a tab per article, then the tables’ tab', () => {
    expect(tabs(deskPage(view({})))).toEqual([
      'Radiologues (shown) /__preview/desk?article=radiologues',
      'Manipulateurs /__preview/desk?article=manipulateurs-cadres',
      'Tableaux /__preview/desk?view=tables',
    ]);
    expect(frames(deskPage(view({})))).toEqual([
      'radiologues/enquete.html',
      'radiologues/enquete.pdf',
      'radiologues/newsletter.html',
      'radiologues/newsletter.html',
    ]);
  });

  it('asks its events for what changed since it was served', () => {
    expect(deskPage(view({}))).toContain('new EventSource("/__preview/events?since=0a1b2c3d.3")');
  });

  it('shows the tables in their tab, with the workbook to download', () => {
    const html = deskPage(view({ tables: true }));
    expect(tabs(html).filter((t) => t.includes('(shown)'))).toEqual([
      'Tableaux (shown) /__preview/desk?view=tables',
    ]);
    expect(frames(html)).toEqual(['tableaux.html']);
    expect(html).toContain('<a href="/tableaux.xlsx" download>télécharger le classeur (.xlsx)</a>');
  });
});
