import { describe, expect, it } from 'vitest';
import { onRequestRecipe } from '../../src/outputs/run.js';
import { contentType, outputName, routeRequest } from '../../src/preview/route.js';
import { editionFolderTouches, isScratch } from '../../src/preview/watch.js';

describe('the preview’s routes', () => {
  it('names the output a path asks for, the index at the root', () => {
    expect(outputName('/')).toBe('index.html');
    expect(outputName('/radiologues/enquete.html')).toBe('radiologues/enquete.html');
    expect(outputName('/radiologues/charts/usage-par-secteur.png')).toBe(
      'radiologues/charts/usage-par-secteur.png',
    );
    expect(outputName('/caf%C3%A9.html')).toBe('café.html');
  });

  it('refuses every way out of the outputs', () => {
    for (const p of [
      '/../etc/passwd',
      '/a/../../b',
      '/./index.html',
      '/%2e%2e/etc/passwd',
      '/%2E%2E/etc/passwd',
      '/a%2f..%2f..%2fb',
      '/a%5c..%5cb',
      '/a\\..\\b',
      '//etc/passwd',
      '/%2Fetc/passwd',
      '/a%00.png',
      '/%E0%A4%A',
      'etc/passwd',
      '/a//b',
      '/__preview/../x',
    ])
      expect(outputName(p), p).toBeNull();
  });

  it('routes the desk with its article, the events, and ignores the query of a file', () => {
    expect(routeRequest('/__preview/desk?article=radiologues')).toEqual({
      kind: 'desk',
      article: 'radiologues',
    });
    expect(routeRequest('/__preview/desk')).toEqual({ kind: 'desk' });
    expect(routeRequest('/__preview/desk?view=tables')).toEqual({ kind: 'desk', tables: true });
    expect(routeRequest('/__preview/events')).toEqual({ kind: 'events', since: '' });
    expect(routeRequest('/__preview/events?since=0a1b2c3d.12')).toEqual({
      kind: 'events',
      since: '0a1b2c3d.12',
    });
    expect(routeRequest('/radiologues/enquete.pdf?v=3')).toEqual({
      kind: 'output',
      name: 'radiologues/enquete.pdf',
    });
    expect(routeRequest('/__preview/other')).toEqual({ kind: 'not-found' });
  });

  it('types what it serves', () => {
    expect(contentType('a/enquete.pdf')).toBe('application/pdf');
    expect(contentType('a/newsletter.eml')).toBe('text/plain; charset=utf-8');
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a/b')).toBe('application/octet-stream');
    expect(contentType('tableaux.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('leaves the workbook to be made when it is asked for, and only it', () => {
    expect(onRequestRecipe('tableaux.xlsx')?.id).toBe('survey-workbook');
    for (const name of ['tableaux.html', 'figures.json', 'index.html', 'tableaux.pdf'])
      expect(onRequestRecipe(name), name).toBeUndefined();
  });
});

describe('what the preview watches', () => {
  it('ignores editors’ swap, backup and temporary files', () => {
    for (const f of [
      '.radiologues.md.swp',
      'articles/radiologues.md~',
      '#edition.yaml#',
      '4913',
      'a.tmp',
      'export.csv.part',
    ])
      expect(isScratch(f), f).toBe(true);
    for (const f of ['edition.yaml', 'articles/radiologues.md', 'responses.csv', 'theme/logo.svg'])
      expect(isScratch(f), f).toBe(false);
  });

  it('analyses again after a config or export change only', () => {
    expect(editionFolderTouches('edition.yaml')).toBe('data');
    expect(editionFolderTouches('responses.csv')).toBe('data');
    expect(editionFolderTouches('articles/radiologues.md')).toBe('text');
    expect(editionFolderTouches('theme/logo.svg')).toBe('text');
  });
});
