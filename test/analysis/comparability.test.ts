/**
 * Whether a change figure still compares: from the two editions' codebooks,
 * what differs for its question and its group, and the editors' decisions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import { comparability } from '../../src/analysis/comparability.js';
import type { ChangeFigure } from '../../src/analysis/figures.js';
import type { EditionConfig } from '../../src/edition/schema.js';
import { silentLog } from '../../src/log.js';
import { testConfig } from '../helpers/edition.js';

const before = testConfig();
/** This year's codebook: last year's with `change` applied. */
const thisYear = (change: (c: EditionConfig) => void): EditionConfig => {
  const c = structuredClone(before);
  change(c);
  return c;
};
const texts = (c: EditionConfig, question: string | undefined, segment: string) =>
  comparability(c, before)(question, segment).map((n) => `${n.about}: ${n.text}`);

describe('comparability', () => {
  it('finds nothing to say when the codebook is the same', () => {
    expect(texts(before, 'usage', 'radiologues')).toEqual([]);
    expect(texts(before, undefined, 'all')).toEqual([]);
  });

  it('notes a reworded question on its figures and on the groups defined by it, not on the others', () => {
    const c = thisYear((x) => {
      const usage = x.questions.find((q) => q.id === 'usage');
      if (usage) usage.header = 'Utilisez-vous l’IA chaque jour ?';
    });
    expect(texts(c, 'usage', 'all')).toEqual([
      "usage: question reformulée (« IA ? » en test, « Utilisez-vous l’IA chaque jour ? » aujourd'hui)",
    ]);
    // The users are those who answered "oui" to the reworded question; « note » is asked to them.
    expect(texts(c, 'note', 'radiologues')).toEqual([
      'usage: groupe « Utilisateurs » défini par une question reformulée (« Utilisez-vous l’IA chaque jour ? »)',
    ]);
    expect(texts(c, 'profession', 'radiologues')).toEqual([]);
    // Spaces and apostrophes are no rewording.
    const same = thisYear((x) => {
      const usage = x.questions.find((q) => q.id === 'usage');
      if (usage) usage.header = ' IA  ? ';
    });
    expect(texts(same, 'usage', 'all')).toEqual([]);
  });

  it('notes renamed and added answers, and an added answer to a question that defines groups on every group', () => {
    const c = thisYear((x) => {
      const usages = x.questions.find((q) => q.id === 'usages');
      if (usages && 'options' in usages) {
        const d = usages.options.find((o) => o.code === 'diagnostic');
        if (d) d.label = 'Aide au diagnostic (détection)';
      }
      const profession = x.questions.find((q) => q.id === 'profession');
      if (profession && 'options' in profession)
        profession.options.push({ code: 'cadre', label: 'Cadre de santé' });
    });
    expect(texts(c, 'usages', 'utilisateurs')).toContain(
      'usages: réponse renommée : « Aide au diagnostic » devient « Aide au diagnostic (détection) »',
    );
    const population =
      "profession: « Profession ? », qui définit les groupes, propose désormais « Cadre de santé » : les répondants ne s'y répartissent plus comme en test";
    expect(texts(c, 'usage', 'all')).toEqual([population]);
    expect(texts(c, undefined, 'radiologues')).toEqual([population]);
    expect(texts(c, 'profession', 'all')).toContain(
      'profession: réponse ajoutée depuis test : « Cadre de santé » (elle prend des réponses aux autres et à « Autre »)',
    );
  });

  it('notes a group defined otherwise, and attaches the editors’ decision to each note it covers', () => {
    const c = thisYear((x) => {
      const r = x.segments.find((s) => s.id === 'radiologues');
      if (r) r.where = { profession: ['radiologue', 'manipulateur'] };
      x.comparability = { radiologues: 'Les manipulateurs y sont désormais comptés.' };
    });
    expect(comparability(c, before)('usage', 'radiologues')).toEqual([
      {
        about: 'radiologues',
        difference: { kind: 'segment', segment: 'Radiologues' },
        text: "groupe « Radiologues » défini autrement qu'en test",
        decision: 'Les manipulateurs y sont désormais comptés.',
      },
    ]);
  });
});

describe('the change figures of the synthetic 2025 edition', () => {
  let changes: ChangeFigure[];
  beforeAll(async () => {
    const { figures } = await analyseEdition('test/fixtures/editions/2025', silentLog);
    changes = figures.filter((f): f is ChangeFigure => f.kind === 'change');
  });

  it('say which no longer compare and why, with the decisions its edition.yaml records', () => {
    const usage = changes.find((f) => f.id === 'usage.oui.share.manipulateurs.change');
    expect(usage?.comparable).toBe(false);
    expect(usage?.notes.map((n) => n.about)).toEqual([
      'usage',
      'profession',
      'profession',
      'secteur',
    ]);
    expect(usage?.notes.every((n) => n.decision !== undefined)).toBe(true);
    // « freins » had an answer renamed: its shares carry that note, undecided (the article does not use them).
    const freins = changes.find((f) => f.id === 'freins.disponibilite.share.all.change');
    expect(freins?.notes.find((n) => n.about === 'freins')).toMatchObject({
      about: 'freins',
      text: 'réponse renommée : « Disponibilité limitée des outils » devient « Disponibilité insuffisante des outils »',
    });
  });
});
