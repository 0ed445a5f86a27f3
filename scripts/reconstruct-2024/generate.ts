/**
 * Writes the reconstructed 2024 export exactly as Google Forms' "Download
 * responses (.csv)" would: UTF-8, every field quoted, "Horodateur" first,
 * checkbox answers joined with ", ", "Autre" answers as the typed text, blank
 * cells where people skipped. Deterministic: the same seed, the same bytes.
 */
import { COMMENTS } from './comments.js';
import {
  type Cell,
  FREQUENCY,
  FUTURE_OF_USERS,
  MANIP_CADRE_USAGES,
  OTHER_PROFESSIONS,
  OTHER_SECTORS,
  POPULATION,
  type Profession,
  SATISFACTION_TOTAL,
} from './population.js';
import { type Random, seededRandom } from './random.js';

export const SEED = 20240423;

export const HEADERS = [
  'Horodateur',
  'Quelle est votre profession ?',
  'Dans quel secteur exercez-vous ?',
  "Utilisez-vous l'intelligence artificielle dans votre pratique ?",
  "À quelle fréquence utilisez-vous l'IA ?",
  'Pour quels usages ?',
  "Quelle est votre satisfaction globale vis-à-vis des outils d'IA ? (1 à 10)",
  "Pensez-vous utiliser davantage l'IA à l'avenir ?",
  'Quels freins rencontrez-vous ?',
  'Commentaires libres',
] as const;

const PROFESSION_LABEL: Record<Exclude<Profession, 'autre'>, string> = {
  radiologue: 'Radiologue',
  manipulateur: 'Manipulateur radio',
  cadre: 'Cadre de santé',
};
const SECTOR_LABEL = { hospitalier: 'Hospitalier', liberal: 'Libéral', mixte: 'Mixte' } as const;
const FREQUENCY_LABELS = [
  'Plusieurs fois par jour, sur tous les examens',
  'Uniquement pour certains cas',
  'Quelques fois par semaine',
  'Rarement',
];
const USAGE_LABELS = {
  diagnostic: 'Aide au diagnostic',
  qualite: 'Amélioration de la qualité des images',
  segmentation: 'Segmentation, mesures et post-traitement',
  organisation: 'Organisation et coordination des flux',
  comptesRendus: 'Rédaction des comptes rendus',
};
const OTHER_USAGES = [
  'Protocolisation des examens',
  'Réduction de la dose délivrée',
  'Tri des examens urgents',
];
const BARRIER_LABELS = [
  'Manque de formation',
  'Disponibilité limitée des outils',
  'Coût des solutions',
  'Mauvaise intégration dans le flux de travail (RIS, PACS)',
];
const OTHER_BARRIERS = [
  'Responsabilité médico-légale',
  'Réticence de la direction',
  'Confidentialité des données',
];
const FUTURE_LABELS = ['Oui', 'Non', 'Je ne sais pas'];

interface Person {
  profession: Profession;
  professionText: string;
  sectorText: string;
  use: Cell['use'];
  frequency: string;
  usages: string[];
  satisfaction: string;
  future: string;
  barriers: string[];
  comment: string;
}

export function generateResponsesCsv(seed = SEED): string {
  const random = seededRandom(seed);
  const people = buildPeople(random);
  const order = random.shuffle(people);
  const times = timestamps(random, order.length);
  const rows = order.map((p, i) => [
    formatFormsTimestamp(times[i] as Date),
    p.professionText,
    p.sectorText,
    p.use === 'blank' ? '' : p.use === 'oui' ? 'Oui' : 'Non',
    p.frequency,
    p.usages.join(', '),
    p.satisfaction,
    p.future,
    p.barriers.join(', '),
    p.comment,
  ]);
  return [HEADERS as readonly string[], ...rows]
    .map((r) => r.map(quoteField).join(','))
    .join('\r\n');
}

function buildPeople(random: Random): Person[] {
  const otherProfessions = [...OTHER_PROFESSIONS];
  const otherSectors = [...OTHER_SECTORS];
  const people: Person[] = POPULATION.flatMap((cell) =>
    Array.from(
      { length: cell.n },
      (): Person => ({
        profession: cell.profession,
        professionText:
          cell.profession === 'autre'
            ? (otherProfessions.shift() as string)
            : PROFESSION_LABEL[cell.profession],
        sectorText:
          cell.sector === 'blank'
            ? ''
            : cell.sector === 'autre'
              ? (otherSectors.shift() as string)
              : SECTOR_LABEL[cell.sector],
        use: cell.use,
        frequency: '',
        usages: [],
        satisfaction: '',
        future: '',
        barriers: [],
        comment: '',
      }),
    ),
  );
  const professions: Profession[] = ['radiologue', 'manipulateur', 'cadre', 'autre'];
  for (const profession of professions) {
    const users = random.shuffle(
      people.filter((p) => p.profession === profession && p.use === 'oui'),
    );
    assignCounts(users, FREQUENCY[profession], FREQUENCY_LABELS, (p, v) => {
      p.frequency = v;
    });
    assignCounts(random.shuffle(users), FUTURE_OF_USERS[profession], FUTURE_LABELS, (p, v) => {
      p.future = v;
    });
    const scores = scoresWithTotal(random, users.length, SATISFACTION_TOTAL[profession]);
    users.forEach((p, i) => {
      p.satisfaction = String(scores[i]);
    });
  }
  assignUsages(random, people);
  for (const p of people.filter((x) => x.use !== 'oui')) {
    p.future = random.chance(0.03)
      ? ''
      : (FUTURE_LABELS[weighted(random, [0.45, 0.2, 0.35])] as string);
  }
  for (const p of people) p.barriers = barriers(random, p.use === 'oui');
  assignComments(random, people);
  return people;
}

function assignCounts(
  people: Person[],
  counts: readonly number[],
  labels: string[],
  set: (p: Person, v: string) => void,
) {
  let i = 0;
  counts.forEach((n, k) => {
    for (let j = 0; j < n; j++) set(people[i++] as Person, labels[k] as string);
  });
  if (i !== people.length) throw new Error(`counts add up to ${i}, not ${people.length}`);
}

/** Scores from 1 to 10 around total / n, nudged one point at a time until they add up to total. */
function scoresWithTotal(random: Random, n: number, total: number): number[] {
  const mean = total / n;
  const scores = Array.from({ length: n }, () =>
    Math.min(10, Math.max(2, Math.round(mean + (random.next() + random.next() - 1) * 4))),
  );
  let sum = scores.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = random.int(0, n - 1);
    const step = sum < total ? 1 : -1;
    const v = (scores[i] as number) + step;
    if (v >= 2 && v <= 10) {
      scores[i] = v;
      sum += step;
    }
  }
  return scores;
}

function assignUsages(random: Random, people: Person[]) {
  const manipCadres = random.shuffle(
    people.filter(
      (p) => (p.profession === 'manipulateur' || p.profession === 'cadre') && p.use === 'oui',
    ),
  );
  if (manipCadres.length !== MANIP_CADRE_USAGES.users)
    throw new Error('manipulateur + cadre users must be 32');
  const diagnostic = new Set(manipCadres.slice(0, MANIP_CADRE_USAGES.diagnostic));
  const quality = new Set(random.shuffle(manipCadres).slice(0, MANIP_CADRE_USAGES.qualiteImages));
  for (const p of people.filter((x) => x.use === 'oui')) {
    const isManipCadre = diagnostic.has(p) || quality.has(p) || manipCadres.includes(p);
    const cadre = p.profession === 'cadre';
    const picks = {
      diagnostic: isManipCadre ? diagnostic.has(p) : random.chance(0.85),
      qualite: isManipCadre ? quality.has(p) : random.chance(0.5),
      segmentation: random.chance(cadre ? 0.1 : 0.4),
      organisation: random.chance(cadre ? 0.75 : 0.1),
      comptesRendus: random.chance(p.profession === 'radiologue' ? 0.35 : 0.03),
    };
    p.usages = (Object.keys(USAGE_LABELS) as (keyof typeof USAGE_LABELS)[])
      .filter((k) => picks[k])
      .map((k) => USAGE_LABELS[k]);
    if (random.chance(0.06) || p.usages.length === 0) p.usages.push(random.pick(OTHER_USAGES));
  }
}

function barriers(random: Random, user: boolean): string[] {
  const chosen = BARRIER_LABELS.filter((_, i) =>
    random.chance([0.58, 0.36, 0.4, user ? 0.38 : 0.2][i] as number),
  );
  if (random.chance(0.05)) chosen.push(random.pick(OTHER_BARRIERS));
  return chosen;
}

function assignComments(random: Random, people: Person[]) {
  const taken = new Set<Person>();
  for (const c of COMMENTS) {
    const candidates = people.filter(
      (p) => !taken.has(p) && p.profession === c.who && (p.use === 'oui') === c.user,
    );
    const p = random.pick(candidates);
    p.comment = c.text;
    taken.add(p);
  }
}

function weighted(random: Random, weights: number[]): number {
  let r = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Submission times across the field period, in Paris summer time (UTC+2 for
 * the whole period): bursts after each mailing, a long tail, first answer on
 * the opening day and last one on the closing day.
 */
function timestamps(random: Random, n: number): Date[] {
  const day = 86_400_000;
  const start = Date.UTC(2024, 3, 23);
  const end = Date.UTC(2024, 7, 22);
  const mailings = [0, 14, 35, 63, 91].map((d) => start + d * day);
  const times = Array.from({ length: n - 2 }, () => {
    const dayStart = random.chance(0.7)
      ? random.pick(mailings) + Math.floor(-Math.log(1 - random.next()) * 3) * day
      : start + random.int(0, 121) * day;
    const clamped = Math.min(Math.max(dayStart, start), end);
    return new Date(clamped + random.int(7 * 3600, 22 * 3600) * 1000 - 2 * 3600_000);
  });
  times.push(new Date(start + (8 * 3600 + 4 * 60 + 51) * 1000 - 2 * 3600_000));
  times.push(new Date(end + (17 * 3600 + 38 * 60 + 6) * 1000 - 2 * 3600_000));
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/** Google Forms' own CSV timestamp: "2024/04/23 9:15:32 AM UTC+2" (local time, 12-hour clock). */
export function formatFormsTimestamp(utc: Date): string {
  const local = new Date(utc.getTime() + 2 * 3600_000);
  const pad = (x: number) => String(x).padStart(2, '0');
  const h = local.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${local.getUTCFullYear()}/${pad(local.getUTCMonth() + 1)}/${pad(local.getUTCDate())} ${h12}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} UTC+2`;
}

function quoteField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
