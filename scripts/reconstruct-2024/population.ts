/**
 * Who answered, as counts: the reconstruction's design. Each line is one cell
 * of profession x sector x IA use; together they reproduce F1-F5, F7 and F8
 * of shared/reference/published-figures-2024.md exactly:
 *
 *   professions 75 / 46 / 14 / 9          sectors 65 / 55 / 15 / 7 + 2 blank
 *   users: radiologues 60 of 74 answering (one libéral radiologue left IA use blank)
 *          manipulateurs 24 / 46, cadres 8 / 14, others 4 / 9 -> 96 users
 *   users by sector: hospitaliers 44 / 65, libéraux 36 / 54, mixtes 10 / 15
 */
export type Profession = 'radiologue' | 'manipulateur' | 'cadre' | 'autre';
export type Sector = 'hospitalier' | 'liberal' | 'mixte' | 'autre' | 'blank';
export type Use = 'oui' | 'non' | 'blank';

export interface Cell {
  profession: Profession;
  sector: Sector;
  use: Use;
  n: number;
}

const cells = (profession: Profession, rows: [Sector, number, number, number?][]): Cell[] =>
  rows
    .flatMap(([sector, users, nonUsers, blank = 0]) => [
      { profession, sector, use: 'oui' as const, n: users },
      { profession, sector, use: 'non' as const, n: nonUsers },
      { profession, sector, use: 'blank' as const, n: blank },
    ])
    .filter((c) => c.n > 0);

export const POPULATION: readonly Cell[] = [
  //                       sector        users  non  blank use
  ...cells('radiologue', [
    ['hospitalier', 24, 6],
    ['liberal', 30, 7, 1],
    ['mixte', 4, 1],
    ['autre', 1, 0],
    ['blank', 1, 0],
  ]),
  ...cells('manipulateur', [
    ['hospitalier', 12, 10],
    ['liberal', 4, 8],
    ['mixte', 4, 3],
    ['autre', 3, 1],
    ['blank', 1, 0],
  ]),
  ...cells('cadre', [
    ['hospitalier', 6, 4],
    ['liberal', 1, 0],
    ['mixte', 1, 1],
    ['autre', 0, 1],
  ]),
  ...cells('autre', [
    ['hospitalier', 2, 1],
    ['liberal', 1, 3],
    ['mixte', 1, 0],
    ['autre', 0, 1],
  ]),
];

/** F9-F10: frequency of use among users, counts in the order quotidien, certains cas, hebdomadaire, rarement. */
export const FREQUENCY: Record<Profession, [number, number, number, number]> = {
  manipulateur: [9, 9, 4, 2],
  cadre: [0, 2, 2, 4],
  radiologue: [25, 20, 10, 5],
  autre: [1, 1, 1, 1],
};

/** F11: satisfaction totals among users (mean = total / users): 7.08, 6.88, 7.58, 6.5; all 706 / 96 = 7.35. */
export const SATISFACTION_TOTAL: Record<Profession, number> = {
  manipulateur: 170,
  cadre: 55,
  radiologue: 455,
  autre: 26,
};

/** F12: users who plan to use IA more (then "non", then "je ne sais pas"): 21/24, 7/8, 89/96 overall. */
export const FUTURE_OF_USERS: Record<Profession, [number, number, number]> = {
  manipulateur: [21, 1, 2],
  cadre: [7, 0, 1],
  radiologue: [58, 1, 1],
  autre: [3, 0, 1],
};

/** F6: among the 32 users who are manipulateurs or cadres, 26 cite diagnosis and 15 image quality. */
export const MANIP_CADRE_USAGES = { users: 32, diagnostic: 26, qualiteImages: 15 };

export const OTHER_PROFESSIONS = [
  'Interne en radiologie',
  'Physicien médical',
  'Ingénieur biomédical',
  'Secrétaire médicale',
  'Technicien PACS',
  "Directeur d'établissement",
  'Étudiant manipulateur',
  'Dosimétriste',
  'Responsable qualité',
];

export const OTHER_SECTORS = [
  'Centre de lutte contre le cancer',
  'ESPIC',
  'Enseignement et recherche',
  'Industrie',
  'Téléradiologie',
  'Centre de santé',
  "Hôpital d'instruction des armées",
];
