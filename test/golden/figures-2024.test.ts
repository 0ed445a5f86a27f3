/**
 * The published 2024 figures F1-F13 (shared/reference/published-figures-2024.md),
 * asserted from the committed export through the very code path the report uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEdition } from '../../src/analyse.js';
import type { Figure } from '../../src/analysis/figures.js';
import { silentLog } from '../../src/log.js';

let figures: Figure[];
const fig = (id: string): Figure => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const share = (id: string) => {
  const f = fig(id);
  if (f.kind !== 'share') throw new Error(`${id} is not a share`);
  return { count: f.count, base: f.base, pct: Math.round((f.value ?? Number.NaN) * 100) };
};
const count = (id: string) => fig(id).value;
const mean = (id: string, decimals: number) => {
  const f = fig(id);
  if (f.kind !== 'mean' || f.value === null) throw new Error(`${id} is not a mean`);
  return { value: Number(f.value.toFixed(decimals)), base: f.base };
};

beforeAll(async () => {
  ({ figures } = await analyseEdition('data/2024', silentLog));
});

describe('2024 published figures', () => {
  it('F1: 144 responses, all kept', () => {
    expect(count('respondents.count.all')).toBe(144);
  });

  it('F2: professions 75 / 46 / 14 / 9, nine distinct other professions', () => {
    expect(share('profession.radiologue.share.all').count).toBe(75);
    expect(share('profession.manipulateur.share.all').count).toBe(46);
    expect(share('profession.cadre.share.all').count).toBe(14);
    expect(share('profession.autre.share.all').count).toBe(9);
    expect(count('profession.autre_distinct.count.all')).toBe(9);
  });

  it('F3: sectors 65 / 55 / 15 / 7, two blank', () => {
    expect(share('secteur.hospitalier.share.all')).toMatchObject({ count: 65, base: 142 });
    expect(share('secteur.liberal.share.all').count).toBe(55);
    expect(share('secteur.mixte.share.all').count).toBe(15);
    expect(share('secteur.autre.share.all').count).toBe(7);
    expect(count('secteur.missing.count.all')).toBe(2);
  });

  it('F4-F5: 52 % of manipulateurs (24/46) and 57 % of cadres (8/14) use IA', () => {
    expect(share('usage.oui.share.manipulateurs')).toEqual({ count: 24, base: 46, pct: 52 });
    expect(share('usage.oui.share.cadres')).toEqual({ count: 8, base: 14, pct: 57 });
  });

  it('F6: among the 32 manipulateur and cadre users, 81 % cite diagnosis, 47 % image quality', () => {
    expect(share('usages.diagnostic.share.manipulateurs_cadres')).toEqual({
      count: 26,
      base: 32,
      pct: 81,
    });
    expect(share('usages.qualite_images.share.manipulateurs_cadres')).toEqual({
      count: 15,
      base: 32,
      pct: 47,
    });
  });

  it('F7: radiologues 60 of 74 answering, 81 %; one left it blank', () => {
    expect(share('usage.oui.share.radiologues')).toEqual({ count: 60, base: 74, pct: 81 });
    expect(count('usage.missing.count.radiologues')).toBe(1);
    expect(count('usage.missing.count.liberaux')).toBe(1);
  });

  it('F8: users by sector 44/65, 36/54, 10/15', () => {
    expect(share('usage.oui.share.hospitaliers')).toMatchObject({ count: 44, base: 65 });
    expect(share('usage.oui.share.liberaux')).toMatchObject({ count: 36, base: 54 });
    expect(share('usage.oui.share.mixtes')).toMatchObject({ count: 10, base: 15 });
  });

  it('F9: 9 manipulateurs use IA several times a day, 9 only for some cases, of 24', () => {
    expect(share('frequence.quotidien.share.manipulateurs')).toMatchObject({ count: 9, base: 24 });
    expect(share('frequence.certains_cas.share.manipulateurs')).toMatchObject({
      count: 9,
      base: 24,
    });
  });

  it('F10: cadres use IA more sporadically: their mix leans to the rare end', () => {
    const frequent =
      share('frequence.quotidien.share.cadres').count +
      share('frequence.certains_cas.share.cadres').count;
    const rare =
      share('frequence.hebdomadaire.share.cadres').count +
      share('frequence.rarement.share.cadres').count;
    expect(share('frequence.rarement.share.cadres').base).toBe(8);
    expect(rare).toBeGreaterThan(frequent);
    expect(share('frequence.rarement.share.cadres').pct).toBeGreaterThan(
      share('frequence.rarement.share.manipulateurs').pct,
    );
  });

  it('F11: satisfaction 7,1 (manipulateurs), 6,9 (cadres), 7,35 (all users), radiologues above', () => {
    expect(mean('satisfaction.mean.manipulateurs', 1)).toEqual({ value: 7.1, base: 24 });
    expect(mean('satisfaction.mean.cadres', 1)).toEqual({ value: 6.9, base: 8 });
    expect(mean('satisfaction.mean.utilisateurs', 2)).toEqual({ value: 7.35, base: 96 });
    expect(mean('satisfaction.mean.radiologues', 2).value).toBeGreaterThan(7.35);
  });

  it('gives a mean Student’s interval: [6,05 ; 7,70] for the 8 cadres, not the 1,96 one [6,19 ; 7,56]', () => {
    const f = fig('satisfaction.mean.cadres');
    if (f.kind !== 'mean' || !f.ci) throw new Error('no interval');
    expect(f.ci.map((x) => Math.round(x * 100) / 100)).toEqual([6.05, 7.7]);
  });

  it('F12: 21 of 24 manipulateur users, 7 of 8 cadre users, 93 % of all users plan to use IA more', () => {
    expect(share('avenir.oui.share.manipulateurs_utilisateurs')).toMatchObject({
      count: 21,
      base: 24,
    });
    expect(share('avenir.oui.share.cadres_utilisateurs')).toMatchObject({ count: 7, base: 8 });
    expect(share('avenir.oui.share.utilisateurs')).toEqual({ count: 89, base: 96, pct: 93 });
  });

  it('F13: field period 23/04/2024 - 22/08/2024, from the timestamps', () => {
    expect(fig('horodateur.first.date.all').value).toBe('2024-04-23');
    expect(fig('horodateur.last.date.all').value).toBe('2024-08-22');
  });
});
