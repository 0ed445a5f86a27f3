/**
 * What the editors' guide says of every helper and variable an article can
 * use, in French, with an example written as an article writes it (inline,
 * the same in a .hbs or a .md article). `npm run docs` renders each example
 * on the 2024 figures and writes the table into docs/guide.md; the record is
 * over the helpers' names, so a helper without its row does not compile.
 */
import type { ArticleContext } from './context.js';
import type { FigureHelperName } from './helpers.js';

/** The helpers an article can call: the figure helpers, and `chart` (pages.ts). */
export type HelperName = FigureHelperName | 'chart';

/** The variables an article can print: the edition's keys (`{{edition.year}}`) and the context's own. */
export type VariableName = `edition.${keyof ArticleContext['edition'] & string}` | 'partners';

/** The guide's tables, in their order: which helpers go together. */
export const HELPER_GROUPS = {
  chiffres: 'Les chiffres',
  edition: 'L’édition',
  mots: 'Les mots qui dépendent des chiffres',
  evolutions: 'Les évolutions depuis l’édition précédente',
  series: 'Les évolutions depuis la première édition',
  page: 'Les graphiques et les chiffres clés',
} as const;

export interface HelperDoc {
  /** The call, as an article writes it, with real figure ids. */
  example: string;
  /** What it does, in French, for a journalist (Markdown, no "|"). */
  says: string;
  group: keyof typeof HELPER_GROUPS;
  /** It needs a previous edition: the guide renders it on the trial 2025 edition, compared with 2024. */
  previous?: true;
  /** It follows a figure since the first edition: the guide renders it on the trial 2026 edition (2024, 2025, 2026). */
  series?: true;
}

const condition = (test: string, yes: string, no: string) =>
  `{{#if (${test})}}${yes}{{else}}${no}{{/if}}`;

export const HELPER_DOCS: Record<HelperName, HelperDoc> = {
  share: {
    example: '{{share "usage.oui.share.manipulateurs"}}',
    says: 'une part, en pourcentage ; sous 30 répondants, « 8 sur 14 » au lieu d’un pourcentage trompeur',
    group: 'chiffres',
  },
  pct: {
    example: '{{pct "usage.oui.share.radiologues"}}',
    says: 'une part, toujours en pourcentage (`check` signale un `pct` sous 30 répondants)',
    group: 'chiffres',
  },
  outof: {
    example: '{{outof "usage.oui.share.cadres"}}',
    says: 'une part, toujours « tant sur tant »',
    group: 'chiffres',
  },
  count: {
    example: '{{count "usage.oui.share.radiologues"}}',
    says: 'un effectif : combien ont donné la réponse (ou la valeur d’un chiffre de comptage)',
    group: 'chiffres',
  },
  base: {
    example: '{{base "usage.oui.share.radiologues"}}',
    says: 'la base : combien ont répondu à la question, dans ce groupe',
    group: 'chiffres',
  },
  n: {
    example: '({{n "usage.oui.share.radiologues"}})',
    says: 'la base, écrite comme on la donne entre parenthèses',
    group: 'chiffres',
  },
  mean: {
    example: '{{mean "satisfaction.mean.radiologues"}}',
    says: 'une moyenne, avec une décimale ; `decimals=2` en donne deux, partout pour cette question, et seulement si aucune de ses moyennes imprimées ne compte moins de 30 répondants',
    group: 'chiffres',
  },
  words: {
    example: '{{words "usage.oui.share.manipulateurs"}}',
    says: 'une part dite en mots',
    group: 'chiffres',
  },
  date: {
    example: '{{date "horodateur.first.date.all"}}',
    says: 'une date, en toutes lettres (ici la première réponse reçue ; `last` : la dernière)',
    group: 'chiffres',
  },
  list: {
    example:
      '{{list "freins.formation.share.radiologues" "le manque de formation" "freins.cout.share.radiologues" "le coût"}}',
    says: 'des réponses et leurs chiffres, du plus grand au plus petit : un ordre, pas un classement (n’écrivez ni « devant » ni « en tête »)',
    group: 'chiffres',
  },
  plural: {
    example:
      '{{count "usage.oui.share.cadres"}} {{plural "usage.oui.share.cadres" "cadre s’en sert" "cadres s’en servent"}}',
    says: 'le mot au singulier ou au pluriel, selon l’effectif du chiffre (au singulier jusqu’à 1)',
    group: 'chiffres',
  },
  higher: {
    example: condition(
      'higher "usage.oui.share.radiologues" "usage.oui.share.manipulateurs"',
      'plus souvent',
      'pas plus souvent, ou pas de façon mesurable',
    ),
    says: 'vrai quand le premier chiffre dépasse le second au-delà de la marge d’incertitude',
    group: 'mots',
  },
  lower: {
    example: condition(
      'lower "satisfaction.mean.cadres" "satisfaction.mean.radiologues"',
      'moins satisfaits',
      'pas moins satisfaits de façon mesurable',
    ),
    says: 'vrai quand le premier chiffre est en dessous du second au-delà de la marge d’incertitude',
    group: 'mots',
  },
  highest: {
    example: condition(
      'highest "freins.formation.share.all" "freins.cout.share.all" "freins.integration.share.all"',
      'le frein le plus cité',
      'un des freins cités',
    ),
    says: 'vrai quand le premier chiffre devance **chacun** des autres au-delà de la marge',
    group: 'mots',
  },
  lowest: {
    example: condition(
      'lowest "freins.integration.share.all" "freins.formation.share.all" "freins.cout.share.all"',
      'le frein le moins cité',
      'un des freins cités',
    ),
    says: 'vrai quand le premier chiffre est derrière **chacun** des autres au-delà de la marge',
    group: 'mots',
  },
  similar: {
    example: condition(
      'similar "usage.oui.share.hospitaliers" "usage.oui.share.liberaux"',
      'pas d’écart mesurable',
      'un écart mesurable',
    ),
    says: 'vrai quand aucun écart n’est mesurable entre les chiffres : écrivez « pas d’écart mesurable », jamais « identique »',
    group: 'mots',
  },
  within: {
    example: condition(
      'within "usage.oui.share.hospitaliers" "usage.oui.share.liberaux" 10',
      'du même ordre',
      'pas forcément du même ordre',
    ),
    says: 'vrai quand tout l’écart possible tient dans ± ce nombre de points (pour une moyenne : de points de la note)',
    group: 'mots',
  },
  atLeast: {
    example: condition(
      'atLeast "avenir.oui.share.utilisateurs" 0.5',
      'la majorité',
      'une minorité',
    ),
    says: 'vrai quand le chiffre atteint ce seuil (0.5 : la moitié) ; décrit l’échantillon, sans test',
    group: 'mots',
  },
  above: {
    example: condition(
      'above "usage.oui.share.radiologues" 0.75',
      'plus des trois quarts',
      'au plus les trois quarts',
    ),
    says: 'vrai quand le chiffre dépasse ce seuil ; décrit l’échantillon, sans test',
    group: 'mots',
  },
  below: {
    example: condition(
      'below "usage.oui.share.cadres" 0.5',
      'moins de la moitié',
      'au moins la moitié',
    ),
    says: 'vrai quand le chiffre est sous ce seuil ; décrit l’échantillon, sans test',
    group: 'mots',
  },
  change: {
    example: '{{change "usage.oui.share.all"}}',
    says: 'l’évolution depuis l’édition précédente, en points pour une part',
    group: 'evolutions',
    previous: true,
  },
  before: {
    example: '{{before "usage.oui.share.all"}}',
    says: 'le chiffre de l’édition précédente, écrit comme elle l’écrivait',
    group: 'evolutions',
    previous: true,
  },
  previousEdition: {
    example: '{{previousEdition}}',
    says: 'l’édition précédente',
    group: 'evolutions',
    previous: true,
  },
  rose: {
    example: condition('rose "usage.oui.share.all"', 'en hausse', 'pas en hausse mesurable'),
    says: 'vrai quand le chiffre a augmenté au-delà de la marge d’incertitude',
    group: 'evolutions',
    previous: true,
  },
  fell: {
    example: condition('fell "usage.oui.share.all"', 'en baisse', 'pas en baisse mesurable'),
    says: 'vrai quand le chiffre a baissé au-delà de la marge d’incertitude',
    group: 'evolutions',
    previous: true,
  },
  steady: {
    example: condition(
      'steady "satisfaction.mean.all"',
      'sans évolution mesurable',
      'une évolution mesurable',
    ),
    says: 'vrai quand aucune évolution n’est mesurable : n’écrivez pas « reste stable » sans lui',
    group: 'evolutions',
    previous: true,
  },
  first: {
    example: '{{first "usage.oui.share.all"}}',
    says: 'le chiffre de la première édition qui l’a, et l’année de cette édition',
    group: 'series',
    series: true,
  },
  since: {
    example: '{{since "usage.oui.share.all"}}',
    says: 'l’évolution depuis la première édition qui a ce chiffre, en points pour une part',
    group: 'series',
    series: true,
  },
  risenSince: {
    example: condition(
      'risenSince "usage.oui.share.all"',
      'en hausse depuis la première enquête',
      'pas en hausse mesurable depuis la première enquête',
    ),
    says: 'vrai quand le chiffre a augmenté depuis la première édition au-delà de la marge d’incertitude (celle de l’écart entre la première édition et celle-ci)',
    group: 'series',
    series: true,
  },
  fellSince: {
    example: condition(
      'fellSince "usage.oui.share.all"',
      'en baisse depuis la première enquête',
      'pas en baisse mesurable depuis la première enquête',
    ),
    says: 'vrai quand le chiffre a baissé depuis la première édition au-delà de la marge d’incertitude',
    group: 'series',
    series: true,
  },
  chart: {
    example: '{{chart "freins_par_profession"}}',
    says: 'le graphique déclaré sous ce nom dans `charts:`, sous la forme qui convient au PDF, au web, à la lettre ; seul sur sa ligne',
    group: 'page',
  },
  keyFigures: {
    example:
      '{{#keyFigures}}{{#keyFigure (pct "usage.oui.share.radiologues")}}des radiologues utilisent l’IA{{/keyFigure}}{{/keyFigures}}',
    says: 'les chiffres clés en tête d’un article `.hbs`, un `keyFigure` chacun (dans un article Markdown : le bloc `chiffres-clés`)',
    group: 'page',
  },
  keyFigure: {
    example:
      '{{#keyFigures}}{{#keyFigure (outof "usage.oui.share.cadres")}}cadres de santé s’en servent{{/keyFigure}}{{/keyFigures}}',
    says: 'un chiffre clé : le chiffre en grand, puis sa phrase ; il devient aussi une carte pour les réseaux sociaux',
    group: 'page',
  },
};

/** The variables the shipped articles print, and the ones an editor is likely to need. */
export const VARIABLE_DOCS: Partial<Record<VariableName, { example: string; says: string }>> = {
  'edition.year': {
    example: 'l’enquête {{edition.year}}',
    says: 'l’année de l’édition : ne tapez jamais une année',
  },
  'edition.id': {
    example: '{{edition.id}}',
    says: 'le nom de l’édition (`id:` sous `edition:`)',
  },
  'edition.survey': {
    example: '{{edition.survey}}',
    says: 'le nom de l’enquête (`survey:`)',
  },
  'edition.publisher': {
    example: '{{edition.publisher}}',
    says: 'l’éditeur qui publie l’enquête (`publisher:`)',
  },
  partners: {
    example: 'avec {{partners}}',
    says: 'les partenaires de l’enquête (`partners:`), en une liste à la française',
  },
};
