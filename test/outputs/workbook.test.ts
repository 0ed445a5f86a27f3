/**
 * The survey's workbook (tableaux.xlsx), written from tables made by hand and
 * read back by other readers than the library that wrote it: SheetJS for the
 * cells, their types and number formats; the zip's own parts; LibreOffice
 * headless, where it is installed, converting every sheet to CSV.
 *
 * The cells of the cross-tabs are the published 2024 counts (usage by
 * profession: 60/74, 24/46, 8/14; satisfaction 7,1 and 6,9); the rest only
 * gives the layout something to lay out.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { wilson } from '../../src/analysis/stats.js';
import { sheetNames, surveyWorkbook } from '../../src/outputs/workbook.js';
import { publication } from '../../src/publication/index.js';
import type { Cell, Column, QuestionTables, SurveyTables } from '../../src/tables/model.js';
import { scratch } from '../helpers/scratch.js';

const words = publication.surveyTables;

const share = (figure: string, count: number, base: number, letters = ''): Cell => ({
  figure,
  value: count / base,
  count,
  base,
  ci: wilson(count, base),
  letters,
});
const mean = (figure: string, value: number, base: number, ci: [number, number]): Cell => ({
  figure,
  value,
  base,
  ci,
  letters: '',
});
const column = (segment: string, label: string, letter: string, base: number): Column => ({
  segment,
  label,
  letter,
  base,
  small: base < 30,
});
const ALL = column('all', 'Ensemble', '', 134);

const usage: QuestionTables = {
  id: 'usage',
  header: 'Utilisez-vous des outils d’IA dans votre pratique ?',
  label: 'Utilisation de l’IA',
  type: 'yesno',
  topline: {
    title: 'Ensemble',
    columns: [ALL],
    rows: [
      { code: 'oui', label: 'Oui', cells: [share('usage.oui.share.all', 92, 134)] },
      { code: 'non', label: 'Non', cells: [share('usage.non.share.all', 42, 134)] },
    ],
  },
  missing: 1,
  multiple: false,
  crossTabs: [
    {
      title: 'Profession',
      columns: [
        column('radiologues', 'Radiologues', 'A', 74),
        column('manipulateurs', 'Manipulateurs radio', 'B', 46),
        column('cadres', 'Cadres de santé', '', 14),
      ],
      rows: [
        {
          code: 'oui',
          label: 'Oui',
          cells: [
            share('usage.oui.share.radiologues', 60, 74, 'B'),
            share('usage.oui.share.manipulateurs', 24, 46),
            share('usage.oui.share.cadres', 8, 14),
          ],
        },
        {
          code: 'non',
          label: 'Non',
          cells: [
            share('usage.non.share.radiologues', 14, 74),
            share('usage.non.share.manipulateurs', 22, 46, 'A'),
            share('usage.non.share.cadres', 6, 14),
          ],
        },
      ],
    },
  ],
};

const satisfaction: QuestionTables = {
  id: 'satisfaction',
  header: 'Sur une échelle de 1 à 10, quelle est votre satisfaction ?',
  label: 'Satisfaction à l’égard des outils d’IA',
  type: 'scale',
  askedOf: 'Utilisateurs de l’IA',
  topline: { title: 'Ensemble', columns: [ALL], rows: [] },
  missing: 0,
  multiple: false,
  crossTabs: [
    {
      title: 'Profession',
      columns: [
        column('manipulateurs', 'Manipulateurs radio', '', 24),
        column('cadres', 'Cadres de santé', '', 8),
      ],
      part: { index: 1, of: 1 },
      rows: [
        {
          code: 'mean',
          label: 'Moyenne',
          cells: [
            mean('satisfaction.mean.manipulateurs', 7.1, 24, [6.5, 7.7]),
            mean('satisfaction.mean.cadres', 6.9, 8, [5.9, 7.9]),
          ],
        },
      ],
    },
  ],
};

const commentaire: QuestionTables = {
  id: 'commentaire',
  header: 'Un commentaire ?',
  label: 'Commentaires',
  type: 'text',
  topline: { title: 'Ensemble', columns: [ALL], rows: [] },
  missing: 120,
  multiple: false,
  crossTabs: [],
  freeText: {
    answers: 4,
    items: [
      { text: 'Gain de temps', count: 2 },
      { text: 'Trop cher pour un cabinet libéral', count: 1 },
      { text: '=1+1 n’est pas une formule', count: 1 },
    ],
  },
};

const horodateur: QuestionTables = {
  id: 'horodateur',
  header: 'Horodateur',
  label: 'Date de réponse',
  type: 'timestamp',
  topline: { title: 'Ensemble', columns: [ALL], rows: [] },
  missing: 0,
  multiple: false,
  crossTabs: [],
  perWeek: [
    { week: '2024-04-22', count: 80 },
    { week: '2024-04-29', count: 64 },
  ],
};

const nobody: QuestionTables = { ...horodateur, id: 'vide', label: 'Personne', perWeek: [] };

const TABLES: SurveyTables = {
  survey: 'Enquête IA en imagerie médicale 2024',
  groups: [
    {
      title: 'Profession',
      segments: ['radiologues', 'manipulateurs', 'cadres'],
      questions: ['profession'],
    },
  ],
  questions: [horodateur, usage, satisfaction, commentaire, nobody],
  respondents: 144,
};
const METHOD = {
  title: 'Méthodologie',
  lines: ['Enquête en ligne du 23 avril 2024 au 22 août 2024.', 'Échantillon de convenance.'],
  date: '2024-09-03',
};

let bytes: Buffer;
let book: XLSX.WorkBook;
const sheet = (name: string) => book.Sheets[name] as XLSX.WorkSheet;
/** Every row of a sheet, as the cells' raw values ('' for an empty one). */
const rows = (name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(sheet(name), { header: 1, defval: '', raw: true });
/** The cell at a row (from 0) whose first cell is `label`, after the row `after`. */
const rowOf = (name: string, label: string, after = 0) =>
  rows(name).findIndex((r, i) => i >= after && r[0] === label);
const cellAt = (name: string, r: number, c: number) =>
  sheet(name)[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;

beforeAll(async () => {
  bytes = await surveyWorkbook(TABLES, METHOD);
  book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });
});

describe('the survey workbook', () => {
  it('has the method sheet first, then one sheet per question named by its id', () => {
    expect(book.SheetNames).toEqual([
      'Méthode',
      'horodateur',
      'usage',
      'satisfaction',
      'commentaire',
      'vide',
    ]);
  });

  it('gives the method, the source, the date and the legend on its first sheet', () => {
    const text = rows('Méthode')
      .map((r) => r[0])
      .join('\n');
    expect(text).toContain('Méthodologie\nEnquête en ligne du 23 avril 2024 au 22 août 2024.');
    expect(text).toContain('Légende');
    expect(text).toContain('Enquête IA en imagerie médicale 2024, 144\u00a0répondants');
    expect(text).toContain('tableaux du 3\u00a0septembre\u00a02024');
    expect(text).toContain('au seuil de 95\u00a0%');
    expect(text).toContain('Newcombe');
    expect(text).toContain('Welch');
    expect(text).toContain('Aucune correction pour comparaisons multiples');
    expect(text).toMatch(/«\u00a0\*\u00a0»\u00a0: colonne de moins de 30\u00a0répondants/);
  });

  it('gives the legend once when the method’s lines already hold it', async () => {
    const legend = words.legend(TABLES.survey, TABLES.respondents);
    const again = XLSX.read(await surveyWorkbook(TABLES, { title: 'Tableaux', lines: legend }));
    const column = XLSX.utils
      .sheet_to_json<unknown[]>(again.Sheets.Méthode as XLSX.WorkSheet, { header: 1 })
      .map((r) => r[0]);
    expect(column).toEqual(['Tableaux', ...legend]);
  });

  it('heads a cross-tab with its lettered columns, the small one marked and unlettered', () => {
    const header = rows('usage')[rowOf('usage', 'Profession') + 1] as unknown[];
    expect(header.filter((c) => c !== '')).toEqual([
      'Radiologues (A)',
      'Manipulateurs radio (B)',
      'Cadres de santé *',
    ]);
    expect(header.indexOf('Manipulateurs radio (B)')).toBe(7);
    const frozen = rows('usage').find((r) => r[0] === words.answer) as unknown[];
    expect(frozen.slice(0, 7)).toEqual([
      'Réponse',
      'Part',
      'Effectif',
      'Base',
      'IC 95\u00a0% bas',
      'IC 95\u00a0% haut',
      'Lettres',
    ]);
  });

  it('writes shares, intervals, counts and bases as numbers, and the letters apart', () => {
    const r = rowOf('usage', 'Oui', rowOf('usage', 'Profession'));
    const at = (c: number) => cellAt('usage', r, c);
    expect(at(1)).toMatchObject({ t: 'n', z: '0%' });
    expect(at(1)?.v).toBeCloseTo(60 / 74, 10);
    expect(at(2)).toMatchObject({ t: 'n', v: 60 });
    expect(at(3)).toMatchObject({ t: 'n', v: 74 });
    const [low, high] = wilson(60, 74) as [number, number];
    expect(at(4)).toMatchObject({ t: 'n', z: '0%' });
    expect(at(4)?.v).toBeCloseTo(low, 10);
    expect(at(5)?.v).toBeCloseTo(high, 10);
    expect(at(6)).toMatchObject({ t: 's', v: 'B' });
    // The manipulateurs' 52 % and the cadres' small column carry no letter.
    expect(at(7)).toMatchObject({ t: 'n', z: '0%' });
    expect(at(12)?.v).toBeUndefined();
    expect(at(13)).toMatchObject({ t: 'n', v: 8 / 14 });
    expect(at(18)?.v).toBeUndefined();
    expect(cellAt('usage', r + 1, 12)).toMatchObject({ t: 's', v: 'A' });
  });

  it('writes a mean with one decimal and its interval, and a split cross-tab’s part', () => {
    expect(rowOf('satisfaction', words.part('Profession', 1, 1))).toBeGreaterThan(0);
    const r = rowOf('satisfaction', 'Moyenne');
    expect(cellAt('satisfaction', r, 1)).toMatchObject({ t: 'n', v: 7.1, z: '0.0' });
    expect(cellAt('satisfaction', r, 2)?.v).toBeUndefined();
    expect(cellAt('satisfaction', r, 4)).toMatchObject({ t: 'n', v: 6.5, z: '0.0' });
    expect(cellAt('satisfaction', r, 7)).toMatchObject({ t: 'n', v: 6.9, z: '0.0' });
    expect(rows('satisfaction')[2]?.[0]).toBe('Posée à\u00a0: Utilisateurs de l’IA');
  });

  it('lists every free-text answer with its count, text kept as text', () => {
    const all = rows('commentaire');
    expect(all[rowOf('commentaire', words.answers)]?.[1]).toBe(4);
    const h = rowOf('commentaire', words.answer);
    expect(all.slice(h + 1).map((r) => [r[0], r[1]])).toEqual([
      ['Gain de temps', 2],
      ['Trop cher pour un cabinet libéral', 1],
      ['=1+1 n’est pas une formule', 1],
    ]);
    expect(cellAt('commentaire', h + 3, 0)).toMatchObject({ t: 's' });
    expect(cellAt('commentaire', h + 3, 0)?.f).toBeUndefined();
  });

  it('gives a timestamp’s responses per week as dates, and says when nobody answered', () => {
    const r = rowOf('horodateur', words.week);
    const week = cellAt('horodateur', r + 1, 0);
    expect(week).toMatchObject({ t: 'n', z: 'dd/mm/yyyy' });
    expect(XLSX.SSF.format('yyyy-mm-dd', week?.v as number)).toBe('2024-04-22');
    expect(cellAt('horodateur', r + 2, 1)).toMatchObject({ t: 'n', v: 64 });
    expect(rows('vide').map((x) => x[0])).toContain(words.noAnswer);
  });

  it('freezes the header rows and the answers’ column', () => {
    const xml = part('xl/worksheets/sheet3.xml');
    const frozenRow = rowOf('usage', words.answer) + 1;
    expect(xml).toContain(`<pane xSplit="1" ySplit="${frozenRow}"`);
    expect(xml).toContain('state="frozen"');
  });

  it('is a zip whose parts are all there and declared, the same bytes each time', async () => {
    const names = parts();
    for (const p of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'docProps/core.xml',
      ...book.SheetNames.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`),
    ]) {
      expect(names).toContain(p);
    }
    const types = part('[Content_Types].xml');
    for (const [, name] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(name);
    const rels = part('xl/_rels/workbook.xml.rels');
    for (const [, target] of rels.matchAll(/Target="([^"]+)"/g)) {
      expect(names).toContain(path.posix.join('xl', target as string));
    }
    expect(Buffer.compare(await surveyWorkbook(TABLES, METHOD), bytes)).toBe(0);
  });
});

/** The names of the zip's files, read by SheetJS's own zip reader. */
function parts(): string[] {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  return (zip.FullPaths as string[])
    .map((p) => p.replace(/^Root Entry\//, ''))
    .filter((p) => p !== '' && !p.endsWith('/') && !p.startsWith('\u0001'));
}

function part(name: string): string {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const entry = XLSX.CFB.find(zip, `/${name}`);
  if (!entry?.content) throw new Error(`no part ${name}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

describe('a free-text question with very many answers', () => {
  it('is written whole, however many different answers it has', async () => {
    // Past what a spread can pass as arguments (about 125 000 in Node 20).
    const n = 200_000;
    const many: QuestionTables = {
      ...commentaire,
      freeText: {
        answers: n,
        items: Array.from({ length: n }, (_, i) => ({ text: `Réponse ${i}`, count: 1 })),
      },
    };
    const read = XLSX.read(await surveyWorkbook({ ...TABLES, questions: [many] }, METHOD), {
      type: 'buffer',
      dense: true,
      sheets: 'commentaire',
    });
    const all = XLSX.utils.sheet_to_json<unknown[]>(read.Sheets.commentaire as XLSX.WorkSheet, {
      header: 1,
    });
    expect(all.at(-1)).toEqual([`Réponse ${n - 1}`, 1]);
  });
});

describe('sheet names', () => {
  it('are what Excel accepts: no forbidden character, 31 at most, unique whatever the case', () => {
    const long = 'a'.repeat(40);
    expect(sheetNames(['usage', 'a/b:c', long, long, 'USAGE', 'méthode'], ['Méthode'])).toEqual([
      'usage',
      'a_b_c',
      'a'.repeat(31),
      `${'a'.repeat(29)}~2`,
      'USAGE~2',
      'méthode~2',
    ]);
  });
});

const soffice = await findSoffice();

describe.runIf(soffice !== null)('the workbook in LibreOffice', () => {
  it('converts headless, every sheet to CSV, with its numbers as shown', async () => {
    const folder = scratch('workbook');
    const file = path.join(folder, 'tableaux.xlsx');
    writeFileSync(file, bytes);
    // Every sheet (the last token, -1) in UTF-8 (76), cells as shown.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    await promisify(execFile)(
      soffice as string,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(folder, 'profile')).href}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        folder,
        file,
      ],
      { timeout: 90_000 },
    );
    const csv = (name: string) => readFileSync(path.join(folder, `tableaux-${name}.csv`), 'utf8');
    expect(readdirSync(folder).filter((f) => f.endsWith('.csv'))).toHaveLength(6);
    expect(csv('Méthode')).toContain('Aucune correction pour comparaisons multiples');
    const lines = csv('usage').split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/Radiologues \(A\),+Manipulateurs radio \(B\),+Cadres de santé \*/),
    );
    const oui = lines.filter((l) => l.startsWith('Oui,'))[1] as string;
    expect(oui.split(',').slice(1, 7)).toEqual(['81%', '60', '74', '71%', '88%', 'B']);
    expect(csv('satisfaction')).toMatch(/Moyenne,7\.1,,24,6\.5,7\.7,/);
  });
});

async function findSoffice(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const { stdout } = await promisify(execFile)('which', [name]);
      if (stdout.trim()) return stdout.trim();
    } catch {
      // not on this machine
    }
  }
  return null;
}
