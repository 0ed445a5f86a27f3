/**
 * A synthetic 2025 export, for the tests of `enquete init` and of the
 * comparison with 2024: clearly not real data (made-up respondents, e-mail
 * addresses at exemple.invalid), made by a seeded generator so the file is
 * always the same. Against the 2024 form it has what a new year brings:
 * reworded headers (profession, IA use, comments), an added question
 * (training) and a dropped one (frequency), a renamed option (two of them)
 * and new options (a profession, a sector, a use), and Google Forms'
 * "Adresse e-mail" column.
 */
import { formatFormsTimestamp } from '../reconstruct-2024/generate.js';
import { type Random, seededRandom } from '../reconstruct-2024/random.js';

export const SYNTHETIC_2025_SEED = 2025;

export const HEADERS_2025 = [
  'Horodateur',
  'Adresse e-mail',
  'Votre profession',
  'Dans quel secteur exercez-vous ?',
  "Utilisez-vous l'intelligence artificielle dans votre pratique quotidienne ?",
  'Pour quels usages ?',
  "Quelle est votre satisfaction globale vis-à-vis des outils d'IA ? (1 à 10)",
  "Avez-vous suivi une formation à l'intelligence artificielle ?",
  "Pensez-vous utiliser davantage l'IA à l'avenir ?",
  'Quels freins rencontrez-vous ?',
  'Vos commentaires',
] as const;

type Profession = 'Radiologue' | 'Manipulateur radio' | 'Cadre de santé' | 'Physicien médical';

/** What one synthetic year is made of: the form's headers, when and how many answered, who uses IA. */
export interface SyntheticYear {
  seed: number;
  rows: number;
  /** The field period, UTC. */
  start: number;
  end: number;
  /** The export's header row, in the order of `person`'s cells. */
  headers: readonly string[];
  /** Each profession, its weight and its chance of using IA. */
  professions: [Profession, number, number][];
  /** The chance a respondent types a rare profession in « Autre ». */
  rare: number;
}

export const SYNTHETIC_2025: SyntheticYear = {
  seed: SYNTHETIC_2025_SEED,
  rows: 320,
  start: Date.UTC(2025, 3, 14, 6),
  end: Date.UTC(2025, 6, 31, 16),
  headers: HEADERS_2025,
  professions: [
    // profession, weight, chance of using IA
    ['Radiologue', 0.44, 0.86],
    ['Manipulateur radio', 0.31, 0.66],
    ['Cadre de santé', 0.12, 0.55],
    ['Physicien médical', 0.08, 0.7],
  ],
  rare: 0.025,
};
const RARE_PROFESSIONS = [
  'Interne en radiologie',
  'Secrétaire médicale',
  'Ingénieur biomédical',
  'Étudiant MERM',
];
const SECTORS: [string, number][] = [
  ['Hospitalier', 0.5],
  ['Libéral', 0.3],
  ['Mixte', 0.13],
  ['Établissement privé non lucratif (ESPIC)', 0.07],
];
/** 2024's "Rédaction des comptes rendus" is renamed; "Protocolisation des examens" is new. */
const USES: [string, number][] = [
  ['Aide au diagnostic', 0.72],
  ['Amélioration de la qualité des images', 0.5],
  ['Segmentation, mesures et post-traitement', 0.36],
  ['Organisation et coordination des flux', 0.2],
  ['Aide à la rédaction des comptes rendus', 0.3],
  ['Protocolisation des examens', 0.14],
];
/** 2024's "Disponibilité limitée des outils" is renamed. */
const BARRIERS: [string, number][] = [
  ['Manque de formation', 0.55],
  ['Disponibilité insuffisante des outils', 0.33],
  ['Coût des solutions', 0.3],
  ['Mauvaise intégration dans le flux de travail (RIS, PACS)', 0.28],
];
const TRAINING = ['Oui, en formation initiale', 'Oui, en formation continue', 'Non'];
const COMMENTS = [
  'Réponse fictive : gain de temps réel sur la segmentation.',
  'Réponse fictive : il faudrait une formation pendant le temps de travail.',
  'Réponse fictive : les outils restent mal intégrés au PACS.',
  'Réponse fictive : utile pour prioriser la liste de travail.',
  'Réponse fictive : on manque de recul sur les erreurs.',
  'Réponse fictive : contactez-moi à repondant.fictif@exemple.invalid pour en parler.',
  'Réponse fictive : joignable au 06 00 00 00 00 pour un témoignage.',
];

export function generateSynthetic2025Csv(seed = SYNTHETIC_2025_SEED): string {
  return generateSyntheticCsv(SYNTHETIC_2025, seed);
}

/** A synthetic year's export, as Google Forms writes it; the same seed always gives the same file. */
export function generateSyntheticCsv(year: SyntheticYear, seed = year.seed): string {
  const random = seededRandom(seed);
  const { start, end } = year;
  const times = Array.from({ length: year.rows }, () => start + random.next() * (end - start)).sort(
    (a, b) => a - b,
  );
  const rows = times.map((t, i) => person(random, year, i, new Date(Math.round(t / 1000) * 1000)));
  return [[...year.headers], ...rows]
    .map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(','))
    .join('\r\n');
}

function weighted<T>(
  random: Random,
  items: [T, number, ...unknown[]][],
): [T, number, ...unknown[]] {
  let x = random.next() * items.reduce((s, i) => s + i[1], 0);
  for (const item of items) {
    x -= item[1];
    if (x < 0) return item;
  }
  return items[items.length - 1] as [T, number];
}

function person(random: Random, year: SyntheticYear, i: number, time: Date): string[] {
  const rare = random.chance(year.rare);
  const [profession, , useChance] = weighted(random, year.professions) as [
    Profession,
    number,
    number,
  ];
  const professionText = rare ? random.pick(RARE_PROFESSIONS) : profession;
  const sector = random.chance(0.01) ? '' : (weighted(random, SECTORS)[0] as string);
  const uses = random.chance(rare ? 0.4 : useChance);
  const usages = uses
    ? USES.filter(([, p]) =>
        random.chance(profession === 'Cadre de santé' && p === 0.2 ? 0.6 : p),
      ).map(([u]) => u)
    : [];
  if (uses && usages.length === 0) usages.push('Aide au diagnostic');
  const satisfaction = uses
    ? String(Math.min(10, Math.max(3, Math.round(7.6 + 1.5 * gauss(random)))))
    : '';
  const training = random.pick(TRAINING);
  const future = uses
    ? random.chance(0.88)
      ? 'Oui'
      : random.pick(['Non', 'Je ne sais pas'])
    : random.chance(0.4)
      ? 'Oui'
      : random.pick(['Non', 'Je ne sais pas', 'Je ne sais pas']);
  const barriers = BARRIERS.filter(([, p]) => random.chance(p)).map(([b]) => b);
  if (barriers.length === 0) barriers.push('Manque de formation');
  const email = random.chance(0.35)
    ? `repondant${String(i + 1).padStart(3, '0')}@exemple.invalid`
    : '';
  // Each comment its own, as real ones are: a stock sentence and the respondent's number.
  const comment = random.chance(0.15) ? `${random.pick(COMMENTS)} (répondant n° ${i + 1})` : '';
  return [
    formatFormsTimestamp(time),
    email,
    professionText,
    sector,
    uses ? 'Oui' : 'Non',
    usages.join(', '),
    satisfaction,
    training,
    future,
    barriers.join(', '),
    comment,
  ];
}

/** A standard normal draw (Box–Muller). */
function gauss(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
