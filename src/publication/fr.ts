/**
 * Every sentence and label the publication's readers see that the code
 * writes (the templates write the rest), in French: the words of the PDF,
 * the web article, the e-mail, the social cards and the edition's data
 * files. Grouped by where readers see them; a text that takes values is a
 * small function. The command's own messages to editors are not here: they
 * are in src/messages/.
 *
 * Numbers, percentages, dates and spacing follow French typography
 * (./french.ts). index.ts says which catalogue the code reads.
 */
import type { Difference, DifferenceOf } from './difference.js';
import {
  formatBase,
  formatChange,
  formatInteger,
  formatLongDate,
  frenchText,
  joinFrench,
  SMALL_BASE,
} from './french.js';

/** A bar, dot or stack part as a chart's alt text reads it (the fields of charts/kind.ts ChartRow it needs). */
interface AltRow {
  group: string;
  text: string;
  base: number;
  part?: string;
  lowText?: string;
  highText?: string;
  note?: string;
}

/** What a chart's alt text reads besides its title (the fields of charts/kind.ts ChartData it needs). */
interface AltData {
  rows: AltRow[];
  measure: string;
  baseNote: string;
  parts: string[];
}

/** A chart's rows gathered by bar group, in their order (charts/rows.ts byGroup). */
type AltGroups = [string, AltRow[]][];

/** « x », as the comparability notes quote a question or an answer (plain spaces). */
const quoted = (x: string) => `« ${x} »`;
const quotedList = (xs: string[]) => xs.map(quoted).join(', ');
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
/** "Profession" as a sentence names it: "profession" (the label's first letter only). */
const lowerFirst = (label: string) => label.charAt(0).toLocaleLowerCase('fr') + label.slice(1);
/** A weighting target as the box gives it: "30 %", "12,5 %" (the formatter made on first use, as french.ts's). */
let targetFormat: Intl.NumberFormat | undefined;
const targetPercent = (share: number) => {
  targetFormat ??= new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  return targetFormat.format(share);
};

/** "Ensemble (n = 143)": a group named with its base. */
const withBase = (label: string, base: number) => `${label} (${formatBase(base)})`;
/** "Ensemble (n = 143) : 67 %": one item of an alt text's list. */
const item = (label: string, text: string) => `${label} : ${text}`;
/** "Diagramme en barres, part des répondants": what a chart is, and what it measures. */
const measuring = (words: string, measure: string) =>
  `${words}, ${measure.toLocaleLowerCase('fr')}`;
/** An alt text: what the chart is, its title, each of its items, its base note; French spacing applied. */
const altText = (head: string, title: string, items: string[], baseNote: string) =>
  frenchText(`${head}. ${title}. ${items.join(' ; ')}. ${baseNote}`);
/** The usual alt text: the kind and what it measures, the title, each bar, the base note. */
const listAlt = (words: string, title: string, data: AltData, label: (r: AltRow) => string) =>
  altText(
    measuring(words, data.measure),
    title,
    data.rows.map((r) => item(label(r), r.text)),
    data.baseNote,
  );

/** What a bar of a share by segment measures: "Part ayant répondu « Oui »". */
const answeredShare = (answer: string) => `Part ayant répondu «\u00a0${answer}\u00a0»`;
/** What a bar or dot of means measures: "Note moyenne sur 10". */
const meanOutOf = (max: number) => `Note moyenne sur ${max}`;
const EACH_GROUP_ANSWERED = 'Base : répondants de chaque groupe ayant répondu à la question.';
const EACH_GROUP_SCORED = 'Base : répondants de chaque groupe ayant donné une note.';
/** Added to the base note of a chart of a multiple-choice question. */
const SEVERAL_ANSWERS = ' Plusieurs réponses possibles : le total dépasse 100\u00a0%.';
const several = (multiple: boolean) => (multiple ? SEVERAL_ANSWERS : '');
/** The edition a difference is seen from: this one, or `later` when a series names each step's two editions. */
const now = (later?: string) => (later === undefined ? "aujourd'hui" : `en ${later}`);
const DIRECTIONS = { up: 'hausse', down: 'baisse', steady: 'stable, dans la marge d’incertitude' };

export const fr = {
  /** The publication's language (BCP 47): the PDF's /Lang and dc:language, how its words are lower-cased and sorted. */
  language: 'fr',

  /** The segment every edition has, "all": figure labels, chart axes and legends. */
  segments: {
    all: { label: 'Ensemble des répondants', short: 'Ensemble' },
  },

  /** Answers the publication names itself. */
  answers: {
    /** The typed « Autre » answers, as one answer: chart bars, table rows, figure labels. */
    other: 'Autre',
  },

  /** The `label` of each figure in figures.json (and in the preview's list of figures). */
  figures: {
    /** "Répondants — Radiologues" */
    respondents: (segment: string) => `Répondants — ${segment}`,
    /** "Utilisation de l'IA : Oui — Radiologues": one figure of a question in a segment. */
    about: (question: string, what: string, segment: string) =>
      `${question} : ${what} — ${segment}`,
    /** What the figure counts, in `about`'s `what`. */
    answered: 'répondants',
    missing: 'sans réponse',
    otherDistinct: 'réponses «\u00a0Autre\u00a0» distinctes',
    mean: 'moyenne',
    /** The first and last day of the field period, from the timestamps. */
    firstAnswer: 'Première réponse',
    lastAnswer: 'Dernière réponse',
    /** A change figure: the figure's label and the previous edition. */
    change: (label: string, previous: string) => `${label} : évolution depuis ${previous}`,
  },

  /** What the helpers following a figure since the first edition print around it. */
  since: {
    /** `first`: "52 % en 2024". */
    first: (value: string, year: string) => `${value} en ${year}`,
    /** `since`: "+12 points depuis 2024". */
    change: (change: string, year: string) => `${change} depuis ${year}`,
  },

  /** What respondents typed, as the articles' appendix and free-text.csv show it. */
  freeText: {
    /** Put in place of an e-mail address or a phone number typed in an answer. */
    maskedEmail: '[adresse e-mail masquée]',
    maskedPhone: '[numéro masqué]',
    /** The heading of a question's comments: "Commentaires (12)", "Commentaires — Radiologues (8)" for a segment's. */
    commentsTitle: (question: string, count: number, segment?: string) =>
      `${question}${segment ? ` — ${segment}` : ''} (${formatInteger(count)})`,
    /** The heading of a question's typed « Autre » answers, and whose where not everyone's. */
    otherTitle: (question: string, segment?: string) =>
      `${question} : réponses «\u00a0Autre\u00a0»${segment ? ` — ${segment}` : ''}`,
    /** After an answer typed by several respondents: " (3)". */
    times: (count: number) => (count > 1 ? ` (${formatInteger(count)})` : ''),
    /** Under a selection of comments, when there are too many to print. */
    commentsSelection: (shown: number, total: number) =>
      `${formatInteger(shown)} commentaires sur ${formatInteger(total)}, pris à intervalles réguliers dans l'ordre d'arrivée des réponses.`,
    /** Under a selection of « Autre » answers, when there are too many to print. */
    otherSelection: (shown: number, total: number) =>
      `Les ${formatInteger(shown)} réponses les plus fréquentes, sur ${formatInteger(total)} réponses différentes.`,
  },

  /** Why a row of the export was left out, by reason code: the methodology box. */
  exclusions: {
    empty: 'réponse vide',
    duplicate: 'doublon (soumission répétée)',
    outside_field_period: 'hors période de collecte',
  },

  /** The methodology box's facts. */
  methodology: {
    /** Who conducted the survey when edition.yaml names no sponsor: the publisher and its partners. */
    sponsor: (names: string[]) => joinFrench(names),
    /** A field period: "du 23 avril 2024 au 22 août 2024". */
    period: (start: string, end: string) => `du ${formatLongDate(start)} au ${formatLongDate(end)}`,
    /** Two identical submissions this close count once: "10 minutes". */
    duplicateWindow: (minutes: number) =>
      `${formatInteger(minutes)}\u00a0minute${minutes > 1 ? 's' : ''}`,
    /** What an editor's comparability decision is about: a question or a group. */
    aboutQuestion: (label: string) => `question «\u00a0${label}\u00a0»`,
    aboutSegment: (label: string) => `groupe «\u00a0${label}\u00a0»`,
    /** The weighting (edition.yaml `weighting:`), said in the box's paragraph on it. */
    weighting: {
      /** The questions weighted on, as the box lists them: "profession et secteur d'exercice". */
      questions: (labels: string[]) => joinFrench(labels.map(lowerFirst)),
      /** One question's targets: "Profession : Radiologue 30 %, Manipulateur radio 45 %…". */
      margins: (question: string, shares: { label: string; share: number }[]) =>
        `${question}\u00a0: ${shares.map((s) => `${s.label} ${targetPercent(s.share)}`).join(', ')}`,
      /** How many weights a bound stopped, if any: ", 12 répondants ramenés à l'une d'elles". */
      trimmed: (n: number) =>
        n === 0
          ? ''
          : `, ${formatInteger(n)}\u00a0${n > 1 ? "répondants ramenés à l'une d'elles" : "répondant ramené à l'une d'elles"}`,
      /** Respondents left out of the raking (a weighting question left blank), who keep the weight 1. */
      unraked: (n: number, questions: string[]) =>
        n === 0
          ? ''
          : `${formatInteger(n)}\u00a0${n > 1 ? "répondants n'ont" : "répondant n'a"} pas répondu à ${questions.map((q) => `«\u00a0${q}\u00a0»`).join(' ou à ')}\u00a0: ${n > 1 ? 'ils ne sont pas redressés et gardent' : "il n'est pas redressé et garde"} le poids 1 d'un répondant moyen.`,
    },
  },

  /** The questionnaire appendix: how each question was answered. */
  questionnaire: {
    single: 'une seule réponse',
    multiple: 'plusieurs réponses possibles',
    yesno: 'oui ou non',
    scale: (min: number, max: number) => `une note de ${min} à ${max}`,
    text: 'réponse libre',
    /** The last option of a question with an « Autre » field. */
    otherOption: 'Autre (à préciser)',
  },

  /** Who made the survey: the source line under charts and on the edition's page, the partners. */
  credits: {
    /** "Enquête IA 2024, Docteur Imago et Tech Imago" */
    source: (survey: string, names: string[]) => `${survey}, ${names.join(' et ')}`,
    partners: (names: string[]) => names.join(' et '),
  },

  /** The header row of free-text.csv: the question's id, its wording, the export's line, the typed text. */
  editionData: {
    freeTextColumns: ['question', 'intitulé', 'ligne', 'texte'] as readonly string[],
  },

  /** The edition's index page. */
  editionIndex: {
    /** Its standfirst when edition.yaml writes none: who conducted the survey, when, how many answered. */
    standfirst: (names: string[], start: string, end: string, kept: number) =>
      `Les résultats de l'enquête menée par ${joinFrench(names)} du ${formatLongDate(start)} au ${formatLongDate(end)}, à laquelle ${formatInteger(kept)}\u00a0personne${kept > 1 ? 's ont' : ' a'} répondu.`,
  },

  /** The archive page, beside the editions' folders: every edition built there. */
  archive: {
    title: 'Toutes les éditions de l’enquête',
    /** Under an edition's name: "Enquête menée du 23 avril 2024 au 22 août 2024 auprès de 144 répondants." */
    facts: (period: string, respondents: string, n: number) =>
      `Enquête menée ${period} auprès de ${respondents}\u00a0répondant${n > 1 ? 's' : ''}.`,
  },

  /** The social cards' source line. */
  cards: {
    source: (line: string) => `Source : ${line}.`,
  },

  /** The PDF's running footer, "Page 3 / 9": the words around the page counters. */
  print: {
    page: 'Page ',
    of: ' / ',
  },

  /**
   * What differs since the previous edition, by kind (each takes the
   * difference and the previous edition's id): the notes of the change
   * figures in figures.json, the methodology box.
   */
  comparability: {
    reworded: (d, previous, later) =>
      `question reformulée (${quoted(d.from)} en ${previous}, ${quoted(d.to)} ${now(later)})`,
    type: (d, previous, later) =>
      `type de question changé (${d.from} en ${previous}, ${d.to} ${now(later)})`,
    asked: (_d, previous) => `question posée à d'autres répondants qu'en ${previous}`,
    renamed: (d, _previous) =>
      `${plural(d.answers.length, 'réponse renommée', 'réponses renommées')} : ${d.answers.map((a) => `${quoted(a.from)} devient ${quoted(a.to)}`).join(', ')}`,
    added: (d, previous) =>
      `${plural(d.answers.length, 'réponse ajoutée', 'réponses ajoutées')} depuis ${previous} : ${quotedList(d.answers)} (${plural(d.answers.length, 'elle prend', 'elles prennent')} des réponses aux autres et à « Autre »)`,
    removed: (d, previous) =>
      `${plural(d.answers.length, 'réponse retirée', 'réponses retirées')} depuis ${previous} : ${quotedList(d.answers)}`,
    other: (d, previous) => `champ « Autre » ${d.added ? 'ajouté' : 'retiré'} depuis ${previous}`,
    scale: (d, previous, later) => `échelle de ${d.from} en ${previous}, de ${d.to} ${now(later)}`,
    segment: (d, previous) => `groupe ${quoted(d.segment)} défini autrement qu'en ${previous}`,
    segmentOn: (d, _previous) =>
      `groupe ${quoted(d.segment)} défini par une question reformulée (${quoted(d.question)})`,
    population: (d, previous) => {
      const changes = [
        ...(d.added.length > 0 ? [`propose désormais ${quotedList(d.added)}`] : []),
        ...(d.removed.length > 0 ? [`ne propose plus ${quotedList(d.removed)}`] : []),
      ].join(' et ');
      return `${quoted(d.question)}, qui définit les groupes, ${changes} : les répondants ne s'y répartissent plus comme en ${previous}`;
    },
    weighting: (d, previous) => {
      const how = (on: string[]) =>
        on.length > 0 ? `pondérée sur ${quotedList(on)}` : 'non pondérée';
      return `pondération différente (édition ${previous} ${how(d.from)}, celle-ci ${how(d.to)})`;
    },
  } satisfies {
    [K in Difference['kind']]: (d: DifferenceOf<K>, previous: string, later?: string) => string;
  },

  /** What every chart's base note may add. */
  baseNotes: {
    /** Whom a base counts: "(manipulateurs radio, utilisateurs de l'IA)". */
    who: (groups: string[]) => `(${groups.join(', ')})`,
    /** The base note of a chart that leaves out groups nobody in which answered this year. */
    omitted: (baseNote: string, groups: string[]) =>
      `${baseNote} Aucun répondant cette année : ${groups.join(', ')}.`,
  },

  /**
   * A chart's numbers as the newsletter's plain text gives them, one short
   * line a bar: "Radiologues : 81 % (60 sur 74)".
   */
  chartLines: {
    /** A group's name, above its parts' lines. */
    group: (label: string) => frenchText(label),
    /** A bar, dot or part: its label and what it says. */
    line: (label: string, value: string) => `${frenchText(label)}\u00a0: ${value}`,
    /** A share: "81 % (60 sur 74)"; under 30 respondents the count alone says it ("8 sur 14"). */
    share: (text: string, outOf: string | undefined) => (outOf ? `${text} (${outOf})` : text),
    /** A mean: "7,6 sur 10 (n = 60)", with its interval where the chart draws it: ", entre 7,2 et 8,0". */
    mean: (text: string, max: number | undefined, base: number, low?: string, high?: string) =>
      `${text}${max === undefined ? '' : `\u00a0sur\u00a0${max}`}${low === undefined || high === undefined ? '' : `, entre ${low} et ${high}`} (${formatBase(base)})`,
    /** A change's own words after this year's value: "…, +6 points, stable, dans la marge d’incertitude". */
    withNote: (value: string, note: string | undefined) => (note ? `${value}, ${note}` : value),
    /** A column of a distribution of scores: "Note 7". */
    score: (value: string) => `Note ${value}`,
  },

  /** The column headers of the charts' data tables (the web article's "Voir les données", the PDF's appendix). */
  tables: {
    group: 'Groupe',
    answer: 'Réponse',
    score: 'Note',
    count: 'Effectif',
    base: 'Base',
    share: 'Part',
    mean: 'Moyenne',
    interval: 'IC 95\u00a0%',
    change: 'Évolution',
    /** "2024 (base)": an edition's column in a table of changes. */
    editionWithBase: (edition: string) => `${edition} (base)`,
    /** "52 % (46)": a value and its base in that column. */
    valueWithBase: (text: string, base: number) => `${text} (${formatInteger(base)})`,
  },

  /**
   * The survey's tables, every question by every group (tableaux.xlsx): the
   * column headers of its blocks, the words around them, and the legend of
   * its first sheet.
   */
  surveyTables: {
    /** The first sheet's name (31 characters at most) and its legend's heading. */
    methodSheet: 'Méthode',
    legendTitle: 'Légende',
    /** The headers of a block: the answers' column, then under each column of a cross-tab. */
    answer: 'Réponse',
    share: 'Part',
    count: 'Effectif',
    base: 'Base',
    low: 'IC 95\u00a0% bas',
    high: 'IC 95\u00a0% haut',
    letters: 'Lettres',
    /** A column's header: "Radiologues (A)"; under the small-base line "Cadres de santé *", never lettered. */
    column: (label: string, letter: string, small: boolean) =>
      small ? `${label} *` : letter ? `${label} (${letter})` : label,
    /** A cross-tab split over several blocks: "Profession (2 sur 3)". */
    part: (title: string, index: number, of: number) => `${title} (${index} sur ${of})`,
    /** The question's heading lines. */
    asked: (header: string) => `Question posée\u00a0: «\u00a0${header}\u00a0»`,
    askedOf: (who: string) => `Posée à\u00a0: ${who}`,
    multiple: 'Plusieurs réponses possibles\u00a0: le total des parts dépasse 100\u00a0%.',
    /** Beside their number. */
    missing: 'Sans réponse',
    answers: 'Nombre de réponses',
    /** A timestamp question's responses per week: the block's title and headers. */
    perWeek: 'Réponses par semaine',
    week: 'Semaine du',
    responses: 'Réponses',
    /** What a question nobody answered shows. */
    noAnswer: 'Aucune réponse.',
    /** The legend, one sentence a line: the source, then how to read the tables. */
    legend: (survey: string, respondents: number, date?: string, weighted = false) => [
      `Source\u00a0: ${survey}, ${formatInteger(respondents)}\u00a0répondants${date ? `\u00a0; tableaux du ${formatLongDate(date)}` : ''}.`,
      'Part\u00a0: part de la base, c’est-à-dire des répondants de la colonne à qui la question a été posée et qui y ont répondu\u00a0; Effectif\u00a0: combien ont donné la réponse.',
      ...(weighted
        ? [
            'Pondération\u00a0: les parts et les moyennes sont pondérées (voir la méthodologie des articles)\u00a0; Effectif et Base comptent les répondants eux-mêmes, non pondérés\u00a0; les intervalles et les lettres sont calculés sur la base effective des répondants pondérés.',
          ]
        : []),
      'IC 95\u00a0% bas et haut\u00a0: les bornes de l’intervalle de confiance à 95\u00a0% (Wilson pour une part, Student pour une moyenne).',
      'Ligne «\u00a0Moyenne\u00a0» d’une question à note\u00a0: la colonne Part donne la note moyenne, avec son intervalle.',
      'Lettres\u00a0: dans un tableau croisé, chaque colonne porte une lettre (A, B, C…)\u00a0; une cellule porte les lettres des colonnes dont elle est significativement au-dessus, au seuil de 95\u00a0% (test bilatéral\u00a0: intervalle de Newcombe de la différence de deux parts, de Welch de la différence de deux moyennes, qui doit exclure zéro).',
      'Quand une colonne en contient une autre, la plus petite est comparée au reste de la plus grande (ses répondants qui ne sont pas dans la plus petite).',
      'Aucune correction pour comparaisons multiples n’est faite\u00a0: sur beaucoup de comparaisons, quelques lettres peuvent venir du hasard.',
      `«\u00a0*\u00a0»\u00a0: colonne de moins de ${SMALL_BASE}\u00a0répondants, à lire avec prudence\u00a0; elle ne porte pas de lettre et n’est comparée à aucune autre.`,
      'Ensemble\u00a0: tous les répondants\u00a0; sans lettre.',
    ],
  },

  /** The survey's tables as a page (tableaux.html and its PDF). */
  surveyTablesPage: {
    title: (survey: string) => `Tous les résultats : ${survey}`,
    legendTitle: 'Comment lire ces tableaux',
    /** The responses-per-week chart's alt text and note. */
    weekAlt: (weeks: readonly (readonly [string, number])[]) =>
      `Diagramme en barres, réponses par semaine. ${weeks.map(([w, n]) => `Semaine du ${w} : ${formatInteger(n)}`).join(' ; ')}.`,
    weekNote: 'Réponses gardées, par semaine de réception (semaines du lundi au dimanche).',
    /** Under the first answers of a free-text question, linked to free-text.csv. */
    more: (rest: number) =>
      `… et ${formatInteger(rest)} autre${rest > 1 ? 's' : ''} : toutes les réponses dans free-text.csv`,
  },

  /**
   * Each chart kind's words, by kind id: what the value axis measures
   * (`measure`), the note printed under the chart (`baseNote`), and the alt
   * text (`alt`) read by screen readers and in the PDF's Figure tags.
   */
  charts: {
    share_by_segment: {
      measure: answeredShare,
      baseNote: EACH_GROUP_ANSWERED,
      alt: (title: string, data: AltData) =>
        listAlt('Diagramme en barres', title, data, (r) => withBase(r.group, r.base)),
    },
    ranked_options: {
      measure: 'Part des répondants',
      /** `who`: baseNotes.who. */
      baseNote: (base: number, who: string, multiple: boolean) =>
        `Base : ${base} répondants ayant répondu à la question ${who}.${several(multiple)}`,
      alt: (title: string, data: AltData) =>
        listAlt('Diagramme en barres classées', title, data, (r) => r.group),
    },
    mix_by_segment: {
      measure: 'Répartition des réponses',
      baseNote: EACH_GROUP_ANSWERED,
      alt: (title: string, data: AltData, groups: AltGroups) =>
        altText(
          'Barres empilées à 100\u00a0%',
          title,
          groups.map(([g, rows]) =>
            item(
              withBase(g, rows[0]?.base ?? 0),
              rows.map((r) => `${r.part} ${r.text}`).join(', '),
            ),
          ),
          data.baseNote,
        ),
    },
    mean_by_segment: {
      measure: meanOutOf,
      baseNote: EACH_GROUP_SCORED,
      alt: (title: string, data: AltData) =>
        listAlt('Diagramme en barres des notes moyennes', title, data, (r) =>
          withBase(r.group, r.base),
        ),
    },
    scale_distribution: {
      measure: 'Part des répondants',
      baseNote: (base: number, who: string) =>
        `Base : ${base} répondants ayant donné une note ${who}.`,
      /** The title of the axis of scores. */
      axis: 'Note',
      alt: (title: string, data: AltData) =>
        listAlt('Histogramme des notes', title, data, (r) => r.group),
    },
    means_with_intervals: {
      measure: (max: number) => `${meanOutOf(max)} et intervalle de confiance à 95\u00a0%`,
      baseNote: `${EACH_GROUP_SCORED} Le trait couvre l'intervalle de confiance à 95\u00a0% de la moyenne : plus le groupe est petit, plus il est long.`,
      alt: (title: string, data: AltData) =>
        altText(
          measuring('Points et intervalles de confiance à 95\u00a0%', data.measure),
          title,
          data.rows.map((r) =>
            item(
              withBase(r.group, r.base),
              `${r.text}${r.lowText === undefined || r.highText === undefined ? '' : `, entre ${r.lowText} et ${r.highText}`}`,
            ),
          ),
          data.baseNote,
        ),
    },
    options_by_segment: {
      measure: 'Part des répondants de chaque groupe',
      baseNote: (multiple: boolean) => `${EACH_GROUP_ANSWERED}${several(multiple)}`,
      /** A segment in the legend, with its base: "Radiologues (n = 46)". */
      part: withBase,
      alt: (title: string, data: AltData, groups: AltGroups) =>
        altText(
          measuring('Barres groupées', data.measure),
          title,
          groups.map(([answer, rows]) =>
            item(
              answer,
              rows.map((r) => `${(r.part ?? '').replace(/ \(.*\)$/, '')} ${r.text}`).join(', '),
            ),
          ),
          `Groupes : ${data.parts.join(', ')}. ${data.baseNote}`,
        ),
    },
    change_by_segment: {
      measure: { mean: meanOutOf, share: answeredShare },
      baseNote: (previous: string, current: string) =>
        `Base : répondants de chaque groupe ayant répondu à la question, en ${previous} puis en ${current}. Échantillons de convenance distincts : une évolution n’est dite hausse ou baisse que si son intervalle de confiance à 95\u00a0% exclut zéro.`,
      /** A change and which way it goes: "+9 points, hausse", "−2 points, stable, dans la marge d’incertitude". */
      note: (of: 'share' | 'mean' | 'count', value: number, direction: 'up' | 'down' | 'steady') =>
        `${formatChange(of, value)}, ${DIRECTIONS[direction]}`,
      alt: (title: string, data: AltData, groups: AltGroups) => {
        const at = (r: AltRow) => `${r.text} en ${r.part} (${formatBase(r.base)})`;
        return altText(
          measuring('Graphique en haltères, évolution depuis l’édition précédente', data.measure),
          title,
          groups.map(([group, [from, to]]) =>
            item(group, `${at(from as AltRow)}, ${at(to as AltRow)}, ${(to as AltRow).note}`),
          ),
          data.baseNote,
        );
      },
    },
    series_by_segment: {
      measure: answeredShare,
      /**
       * Whom each point counts, what the bands are, and each step where the
       * figures changed meaning: a break with what changed, or a comparison
       * the editors decided still holds.
       */
      baseNote: (steps: { from: string; to: string; notes: string[]; decided: boolean }[]) =>
        [
          'Base : répondants de chaque groupe ayant répondu à la question, à chaque édition. Bande colorée : intervalle de confiance à 95\u00a0%. Chaque édition est un échantillon de convenance distinct.',
          ...steps.map((s) =>
            s.decided
              ? `Entre ${s.from} et ${s.to}, le questionnaire a changé ; la rédaction a jugé la comparaison possible (méthodologie de l’édition ${s.to}).`
              : `Ligne interrompue entre ${s.from} et ${s.to} : ${s.notes.join(' ; ')}.`,
          ),
        ].join(' '),
      /** Over the dashed rule where a line breaks. */
      breakMark: 'rupture',
      alt: (title: string, data: AltData, groups: AltGroups) =>
        altText(
          measuring(
            `Graphique en courbes, une par groupe, de ${data.parts[0]} à ${data.parts.at(-1)}`,
            data.measure,
          ),
          title,
          groups.map(([group, rows]) =>
            item(
              group,
              rows.map((r) => `${r.text} en ${r.part} (${formatBase(r.base)})`).join(', '),
            ),
          ),
          data.baseNote,
        ),
    },
  },
};
