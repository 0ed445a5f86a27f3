/**
 * Every sentence enquete says, in French: the default language. Same shape
 * as the English catalogue (en.ts), which the compiler checks.
 */
import { formatDecimal, formatLongDate } from '../publication/french.js';
import type { Catalogue, Duplicated } from './en.js';

const clock = () => new Date().toLocaleTimeString('fr-FR');
const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n > 1 ? words : word}`;
const quoted = (x: string) => `« ${x} »`;
/** Quoted as French typography sets it: guillemets held to the words by no-break spaces. */
const named = (x: string) => `«\u00a0${x}\u00a0»`;
const NBSP = '\u00a0';
/** 0.097 -> « 9,7 % », 0.3 -> « 30 % ». */
const percent = (share: number) => `${formatDecimal(share * 100, 1).replace(/,0$/, '')}${NBSP}%`;
/** A size as French writes it: « 512 o », « 12,3 Ko », « 1,25 Mo » (decimal comma, no-break space). */
const size = (bytes: number) => {
  if (bytes < 1024) return `${bytes}${NBSP}o`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 1)}${NBSP}Ko`;
  return `${formatDecimal(bytes / 1024 / 1024, 2)}${NBSP}Mo`;
};
/** A question's type as the editors know it from the form, not as edition.yaml spells it. */
const TYPE_NAMES: Record<string, string> = {
  timestamp: 'date et heure',
  single: 'choix unique',
  multiple: 'choix multiples',
  yesno: 'oui ou non',
  scale: 'échelle',
  text: 'texte libre',
};
const typeName = (type: string) => TYPE_NAMES[type] ?? type;
/** How an edition's figures are weighted: « pondérée sur « Profession » », « non pondérée ». */
const weighedOn = (questions: string[]) =>
  questions.length > 0 ? `pondérée sur ${questions.map(quoted).join(', ')}` : 'non pondérée';
/** « 14 avril 2025 » from an ISO date. */
const day = (iso: string) => formatLongDate(iso);
/** "a, b or c": the way this language lists alternatives. */
const anyOf = (xs: readonly string[]) =>
  new Intl.ListFormat('fr', { type: 'disjunction' }).format(xs.map(String));

/** A difference since the previous edition, as the command says it to the editors. */
function difference(
  d: Parameters<Catalogue['templates']['notComparable']>[1][number]['difference'],
  previous: string,
): string {
  const list = (xs: string[]) => xs.map(quoted).join(', ');
  switch (d.kind) {
    case 'reworded':
      return `question reformulée (${quoted(d.from)} en ${previous}, ${quoted(d.to)} aujourd’hui)`;
    case 'type':
      return `type de question changé (${typeName(d.from)} en ${previous}, ${typeName(d.to)} aujourd’hui)`;
    case 'asked':
      return `question posée à d’autres répondants qu’en ${previous}`;
    case 'renamed':
      return `réponses renommées : ${d.answers.map((a) => `${quoted(a.from)} → ${quoted(a.to)}`).join(', ')}`;
    case 'added':
      return `réponses ajoutées depuis ${previous} : ${list(d.answers)} (elles prennent des réponses aux autres et à « Autre »)`;
    case 'removed':
      return `réponses retirées depuis ${previous} : ${list(d.answers)}`;
    case 'other':
      return `champ « Autre » ${d.added ? 'ajouté' : 'retiré'} depuis ${previous}`;
    case 'scale':
      return `échelle ${d.from} en ${previous}, ${d.to} aujourd’hui`;
    case 'segment':
      return `groupe ${quoted(d.segment)} défini autrement qu’en ${previous}`;
    case 'segmentOn':
      return `groupe ${quoted(d.segment)} défini par une question reformulée (${quoted(d.question)})`;
    case 'population':
      return `${quoted(d.question)}, qui définit les groupes, ${[...(d.added.length > 0 ? [`propose désormais ${list(d.added)}`] : []), ...(d.removed.length > 0 ? [`ne propose plus ${list(d.removed)}`] : [])].join(' et ')} : les répondants ne s’y répartissent plus comme en ${previous}`;
    case 'weighting':
      return `pondération différente (${previous} ${weighedOn(d.from)}, cette édition ${weighedOn(d.to)})`;
  }
}

const HELP = `enquete : chaîne de publication d’enquête

Depuis le dossier du projet, lancez les commandes avec npx : npx enquete build data/2024

Usage :
  enquete build <dossier-édition> [options]  fabrique chaque article de l’édition : PDF, article web,
                                             lettre d’information, et la page d’index de l’édition
                                             (par défaut dans output/<nom du dossier>/)
  enquete check <dossier-édition> [--json] [--strict]
                                             vérifie tout ce que vérifie build (configuration, export,
                                             gabarits, identifiants de chiffres, graphiques) sans rien
                                             fabriquer ni écrire ; --json pour l’intégration continue
  enquete preview <dossier-édition> [--port N] [--article <slug>]
                                             sert les sorties sur 127.0.0.1 avec un bureau montrant côte
                                             à côte l’article web, le PDF et la lettre d’information,
                                             refaits à chaque enregistrement ; Ctrl-C l’arrête
  enquete figures <dossier-édition>          affiche tous les chiffres en JSON
  enquete init <nouveau-dossier> --from <édition-précédente> --responses <export.csv ou .xlsx>
                                             prépare l’édition de l’année à partir de la précédente :
                                             configuration et articles copiés, questions rapprochées du
                                             nouvel export ; affiche le rapport écrit (init-report.md)
  enquete --help | --version

Options :
  --out <dossier>        où écrire les sorties
  --article <slug>       ne refaire (ou ne prévisualiser) que cet article ; les autres articles de
                         l’édition restent tels quels
  --base-url <adresse>   où le dossier de sortie sera publié : les images de la lettre d’information,
                         son lien vers la version web et le lien de tableaux.pdf vers free-text.csv
                         y pointent (par défaut : edition.publishUrl)
  --verbose              (build) liste chaque fichier écrit avec sa taille, au lieu d’un résumé par
                         article
  --no-cache             (build, figures) ne lit ni n’écrit ce qui est gardé des fois précédentes
                         (dessins, pages imprimées, configuration vérifiée ;
                         node_modules/.cache/enquete) : tout est refait
  --from <dossier>       (init) le dossier de l’édition de l’an dernier
  --responses <fichier>  (init) l’export Google Forms de la nouvelle année
  --json                 (check) écrit le résultat en JSON sur la sortie standard
  --strict               (check) s’arrête aussi sur les avertissements (une année périmée, des
                         répondants absents d’un graphique, une comparaison sur une petite base)
  --port <n>             (preview) le port sur 127.0.0.1 (5024 par défaut ; 0 en choisit un libre)
  --lang <fr|en>         la langue des messages (français par défaut, anglais si LANG est anglais)
  --debug                affiche la pile d’appels des erreurs inattendues
`;

const INSTALL_HINT =
  'Installez Chromium : sous Debian/Ubuntu `apt-get install chromium` (npm run setup le fait quand il est lancé en root) ; ailleurs, installez Google Chrome, lancez `npx puppeteer browsers install chrome`, ou indiquez le navigateur dans ENQUETE_CHROMIUM.';
const AGAIN =
  'Relancez la fabrication ; si l’échec se répète, relancez-la avec --debug et signalez-le.';
const DOWNLOAD_AGAIN =
  'Téléchargez de nouveau les réponses depuis Google Forms (« Télécharger les réponses (.csv) »).';

/** The types of YAML value the config's keys take, as the messages name them. */
const TYPE: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un bloc de clés',
  record: 'un bloc de clés',
  null: 'une valeur vide',
};

const WHAT: Record<Duplicated, string> = {
  questionId: 'identifiant de question',
  columnHeader: 'en-tête de colonne',
  segmentId: 'identifiant de segment',
  answerCode: 'code de réponse',
  chartId: 'identifiant de graphique',
};

export const fr: Catalogue = {
  help: HELP,

  cli: {
    building: (folder) => `enquete build ${folder}`,
    initRunning: (folder, from, responses) =>
      `enquete init ${folder} --from ${from} --responses ${responses}`,
    built: (slugs, chromiums, seconds) =>
      `\n${plural(slugs.length, 'article fabriqué', 'articles fabriqués')} (${slugs.join(', ')}) avec ${chromiums} Chromium, en ${seconds.replace('.', ',')}${NBSP}s.`,
    written: (files, bytes) =>
      `${plural(files, 'fichier écrit', 'fichiers écrits')}, ${size(bytes)}${NBSP}:`,
    files: (n) => plural(n, 'fichier'),
    size,
    duration: (ms) =>
      ms < 1000 ? `${Math.round(ms)}${NBSP}ms` : `${formatDecimal(ms / 1000, 2)}${NBSP}s`,
    subfolder: (name, files) => `${name}/ (${plural(files, 'fichier')})`,
    archiveNotOurs: (file) =>
      `${file} n’a pas été écrit par enquête : il est laissé tel quel, et la page de toutes les éditions n’y est pas faite (déplacez ce fichier pour qu’elle le soit).`,
    verboseHint: `Chaque fichier avec sa taille${NBSP}: ajoutez --verbose.`,
    checked: (folder, slugs, pages, figures, rowsIn, kept) =>
      `\n${folder} vérifié : ${plural(slugs.length, 'article')} (${slugs.join(', ')}), ${plural(pages, 'page rendue', 'pages rendues')}, ${plural(figures, 'chiffre')}, ${plural(rowsIn, 'ligne')} (${plural(kept, 'gardée', 'gardées')}). Rien n’a été écrit.`,
    cpuUsed: (seconds) =>
      `(ce processus a utilisé ${seconds.replace('.', ',')}${NBSP}s de processeur, hors Chromium)`,
    errorHead: 'enquete : ',
    claims: (claims, decidedTrue) =>
      `${plural(claims, 'choix de formulation', 'choix de formulation')} dans les articles (${plural(decidedTrue, 'vrai', 'vrais')}), chacun tranché par un intervalle ou un seuil : détail dans claims.json.`,
    warnings: (n) =>
      `\n${plural(n, 'avertissement')} : ce que les nouvelles données ont peut-être cassé (check --strict s’y arrête).`,
  },

  usage: {
    defaultHint: 'Lancez `npx enquete --help` pour la liste des commandes et de leurs options.',
    noCommand: () => ({ message: 'Aucune commande donnée.', hint: HELP }),
    badArguments: (message) => ({ message }),
    unknownOption: (option) => ({ message: `Option inconnue ${quoted(option)}.` }),
    optionValue: (option) => ({ message: `L’option ${quoted(option)} attend une valeur.` }),
    unknownCommand: (command) => ({
      message: `Commande inconnue ${quoted(command)}. Les commandes sont build, check, figures, init et preview.`,
    }),
    noFolder: (command) => ({
      message: `« enquete ${command} » attend un dossier d’édition, par exemple data/2024.`,
    }),
    unexpectedArgument: (arg) => ({ message: `Argument inattendu ${quoted(arg)}.` }),
    initNeeds: (option) => ({
      message: `« enquete init » attend --${option}.`,
      hint: 'Par exemple : npx enquete init data/2025 --from data/2024 --responses ~/Téléchargements/export.csv',
    }),
    folderNotEmpty: (folder) => ({
      message: `${folder} existe déjà et n’est pas vide : init crée un nouveau dossier d’édition et n’écrit jamais dans un dossier existant.`,
      hint: `Rien n’y a été touché. Donnez le nom d’un dossier qui n’existe pas encore ; ou, pour garder ce nom, mettez d’abord ce dossier de côté en le renommant (par exemple en ${folder.replace(/[\\/]+$/, '')}-ancien) : ses articles et ses notes y restent intacts.`,
    }),
    unknownArticle: (slug, slugs) => ({
      message: `Aucun article ${quoted(slug)} dans cette édition.`,
      hint: `Articles : ${slugs.join(', ')}.`,
    }),
    editionWithoutName: (folder) => ({
      message: `Le nom du dossier d’édition ${quoted(folder)} ne peut pas servir de dossier de sortie.`,
      hint: 'Nommez les dossiers d’édition avec des lettres, des chiffres, « - », « _ » ou « . » (par exemple data/2025), ou choisissez le dossier de sortie avec --out.',
    }),
    outIsEdition: (target) => ({
      message: `Refus d’écrire les sorties dans ${quoted(target)} : il contient le dossier d’édition ou le dossier courant, que la fabrication remplacerait.`,
      hint: 'Choisissez un dossier de sortie à part avec --out, par exemple --out output/2024.',
    }),
    outNotOurs: (target) => ({
      message: `Refus d’écrire les sorties dans ${quoted(target)} : ce dossier existe et n’a pas été créé par enquete build, or une fabrication remplace son dossier de sortie en entier.`,
      hint: 'Choisissez un dossier nouveau ou vide avec --out, ou déplacez d’abord ce dossier.',
    }),
    noEditionFolder: (folder) => ({
      message: `Pas de dossier d’édition ${quoted(folder)}.`,
      hint: 'Donnez le dossier qui contient edition.yaml, par exemple data/2024.',
    }),
    portInUse: (port) => ({
      message: `Le port ${port} est déjà utilisé sur 127.0.0.1 (un autre aperçu ?).`,
      hint: 'Arrêtez l’autre aperçu, ou choisissez un autre port avec --port, par exemple --port 5025.',
    }),
    badPort: (port) => ({
      message: `--port ${port} n’est pas un numéro de port.`,
      hint: 'Donnez un nombre de 1024 à 65535, par exemple --port 5024 (0 en choisit un libre).',
    }),
    badLang: (lang) => ({
      message: `--lang ${lang} n’est pas une langue d’enquete.`,
      hint: 'Donnez --lang fr ou --lang en.',
    }),
  },

  environment: {
    noChromium: () => ({
      message: 'Aucun Chromium ni Chrome trouvé pour imprimer le PDF.',
      fix: INSTALL_HINT,
    }),
    chromiumFailedTwice: (executable, reason) => ({
      message: `Chromium (${executable}) n’a pas pu démarrer, deux fois : ${reason}`,
      fix: `Vérifiez qu’il se lance : \`${executable} --headless=new --no-sandbox --dump-dom about:blank\`. ${INSTALL_HINT}`,
    }),
    noAnswer: (seconds) => `pas de réponse en ${String(seconds).replace('.', ',')}${NBSP}s`,
    exited: (code) => `il s’est arrêté (code ${code})`,
    printTimedOut: (seconds) => ({
      message: `Chromium n’a pas fini d’imprimer le PDF en ${seconds}${NBSP}s.`,
      fix: AGAIN,
    }),
    printFailed: (page, reason) => ({
      message: `Chromium a échoué en imprimant ${page} : ${reason}`,
      fix: AGAIN,
    }),
    workerDied: (reason) => ({
      message: `Le fil de dessin s’est arrêté : ${reason}`,
      fix: AGAIN,
    }),
    writeFailed: (target, reason) => ({
      message: `Impossible d’écrire les sorties dans ${quoted(target)} : ${reason}`,
      fix: 'Vérifiez qu’il reste de la place sur le disque et que le dossier est accessible en écriture ; les sorties précédentes sont intactes.',
    }),
    stdoutFailed: (reason) => ({
      message: `Impossible d’écrire les chiffres sur la sortie standard : ${reason}`,
      fix: 'Vérifiez qu’il reste de la place sur le disque où la sortie est redirigée et qu’on peut y écrire.',
    }),
    blockedRequests: (slug, urls) =>
      `  note : la page imprimée de ${quoted(slug)} a demandé ${plural(urls.length, 'ressource')} hors de la fabrication, toutes refusées : ${urls.slice(0, 3).join(', ')}`,
    stopped: (signal) =>
      `\nenquete : arrêté (${signal}) ; les sorties précédentes sont intactes.\n`,
    unexpected: (message, stack, debug) =>
      `\nenquete : erreur inattendue : ${message}\n${debug ? `${stack}\n` : 'Relancez avec --debug pour le détail, et signalez-la à la personne qui maintient l’outil.\n'}`,
  },

  errors: {
    problems: (task, total) => `${task} : ${plural(total, 'problème')}`,
    failed: (task, total) => `${task} : échec (${plural(total, 'problème')}) :`,
    more: (n) =>
      `  … et ${plural(n, 'autre problème', 'autres problèmes')}, non listés : corrigez ceux ci-dessus et relancez.`,
    expected: 'attendu :',
    found: 'trouvé :',
    fix: 'à faire :',
    inSheet: (sheet, row) =>
      row === undefined ? `feuille ${named(sheet)}` : `ligne ${row} de la feuille ${named(sheet)}`,
  },

  stages: {
    readConfig: 'Lecture de la configuration',
    readResponses: 'Lecture des réponses',
    rowsRead: (rows, perSecond) =>
      `Lecture des réponses${NBSP}: ${rows} lignes (${perSecond} lignes/s)`,
    computeFigures: 'Calcul des chiffres',
    readPrevious: 'Lecture de l’édition précédente',
    readPast: (n) =>
      n > 1 ? `Lecture des ${n} éditions précédentes` : 'Lecture de l’édition précédente',
    prepareTemplates: 'Préparation des gabarits',
    drawCharts: (n) => `Dessin de ${plural(n, 'graphique')} (SVG, un dessin par support)`,
    renderEveryPage: 'Rendu de chaque page',
    writeOutputs: 'Écriture des sorties',
    readNewExport: 'Lecture du nouvel export',
    writeNewEdition: 'Écriture de la nouvelle édition',
    printPdf: 'Impression du PDF (Chromium)',
    web: 'Article web',
    ofArticle: (stage, slug) => `${stage}${NBSP}: ${slug}`,
    fragment: 'Fragment pour le CMS',
    newsletter: 'Lettre d’information et PNG des graphiques',
    cards: 'Cartes pour les réseaux sociaux (PNG)',
    editionData: 'Chiffres et fichiers de données',
    editionIndex: 'Page d’index de l’édition',
    archive: 'Page de toutes les éditions (à côté du dossier de sortie)',
    surveyTables: 'Tableaux de toute l’enquête (page)',
    surveyWorkbook: 'Classeur des tableaux (tableaux.xlsx)',
    surveyTablesPdf: 'Impression des tableaux (Chromium)',
  },

  reconciliation: {
    head: (file, rowsIn, kept, excluded) =>
      `Lignes de ${file} : ${rowsIn} lues = ${kept} gardées + ${excluded} écartées`,
    line: (line, reason, detail) => `  ligne ${line} : ${reason} (${detail})`,
    more: (n) => `  … et ${n} de plus, listées dans reconciliation.json`,
    reasons: {
      empty: 'vide',
      outside_field_period: 'hors période de collecte',
      duplicate: 'doublon',
    },
    empty: () => 'aucune question répondue',
    outside: (day, start, end) => `envoyée le ${day}, hors de la période du ${start} au ${end}`,
    duplicate: (line, minutes) =>
      `mêmes réponses que la ligne ${line}, envoyées ${minutes} min plus tard`,
  },

  tasks: {
    readConfig: 'Lecture de la configuration de l’édition',
    checkConfig: 'Vérification de la configuration de l’édition',
    readResponses: 'Lecture des réponses',
    readTemplates: 'Lecture des gabarits',
    renderArticle: 'Rendu de l’article',
    readArticleTemplates: 'Lecture des textes des articles',
    readTheme: 'Lecture du thème',
    readNewExport: 'Lecture du nouvel export',
    newYear: 'Vérification de ce que les nouvelles données ont pu casser',
    weighResponses: 'Pondération des réponses',
  },

  where: {
    key: (key) => `clé ${quoted(key || '(premier niveau)')}`,
    question: (id) => `question ${quoted(id)}`,
    questionColumn: (id, header) => `question ${quoted(id)} (colonne ${quoted(header)})`,
    column: (n, header) => `colonne ${n} ${quoted(header)}`,
    segment: (id) => `segment ${quoted(id)}`,
    chart: (id) => `graphique ${quoted(id)}`,
    freeText: (slug) => `réponses libres de l’article ${quoted(slug)}`,
    figure: (id) => `chiffre ${quoted(id)}`,
    line: (n) => `ligne ${n}`,
    chartTitle: (id) => `titre du graphique ${quoted(id)}`,
    articleDek: (slug) => `chapeau de l’article ${quoted(slug)}`,
    alsoAt: (places) => `aussi en ${places.join(', ')}`,
    articlePart: (slug, part) =>
      part === 'body'
        ? `texte de l’article ${quoted(slug)}`
        : part === 'dek'
          ? `chapeau de l’article ${quoted(slug)}`
          : part === 'title'
            ? `titre de l’article ${quoted(slug)}`
            : `titre du graphique ${quoted(part.replace(/^chart:/, ''))}`,
  },

  config: {
    noConfig: (configFile, folder) => ({
      expected: `un dossier d’édition contenant ${configFile}`,
      found: 'aucun fichier de ce nom',
      fix: `Vérifiez le nom du dossier, ou copiez data/2024/${configFile} dans ${folder} et adaptez-le.`,
    }),
    yaml: {
      innerQuote: (quote) => ({
        expected:
          quote === '"'
            ? 'une valeur entre guillemets droits (") sans autre guillemet droit à l’intérieur'
            : "une valeur entre apostrophes droites (') sans autre apostrophe droite à l’intérieur",
        found: `${quote === '"' ? 'un guillemet droit' : 'une apostrophe droite'} qui ferme la valeur avant sa fin : le texte qui suit est de trop`,
        fix:
          quote === '"'
            ? 'À l’intérieur d’une valeur entre guillemets droits (comme dek: "…"), écrivez des apostrophes : {{pct \'usage.oui.share.all\'}}, et des guillemets français « … » pour une citation ; ou écrivez \\" pour un guillemet droit.'
            : "Dans une valeur entre apostrophes, doublez chaque apostrophe (l''IA), ou mettez la valeur entre guillemets droits : \"l'IA\".",
      }),
      tab: () => ({
        expected: 'une indentation faite d’espaces',
        found: 'une tabulation en début de ligne',
        fix: 'Remplacez la tabulation par des espaces (deux par niveau, alignés sur les lignes voisines) ; réglez votre éditeur pour qu’il insère des espaces quand on appuie sur Tab.',
      }),
      noSpace: (written, spaced) => ({
        expected: 'une espace après les deux-points qui suivent une clé (clé: valeur)',
        found: quoted(written),
        fix: `Ajoutez une espace après les deux-points : ${spaced}`,
      }),
      unclosedQuote: () => ({
        expected: 'un guillemet fermant à la fin de la valeur',
        found: 'une valeur ouverte par un guillemet qui n’est jamais refermé',
        fix: 'Ajoutez le guillemet fermant à la fin de la valeur commencée à cette ligne ; pour un guillemet à l’intérieur, écrivez des apostrophes ou « ».',
      }),
      indent: () => ({
        expected: 'les clés d’un même bloc alignées sur la même colonne',
        found: 'une ligne décalée par rapport aux clés voisines',
        fix: 'Alignez cette clé sur les clés de même niveau au-dessus d’elle (le même nombre d’espaces en début de ligne).',
      }),
      colonInValue: (quotedValue) => ({
        expected: 'une valeur sans « : » suivi d’une espace, ou une valeur entre guillemets',
        found: 'un deux-points suivi d’une espace dans une valeur sans guillemets',
        fix: `Mettez la valeur entre guillemets droits : ${quotedValue}`,
      }),
      duplicateKey: (key) => ({
        expected: 'chaque clé une seule fois dans un même bloc',
        found: `${quoted(key)} une deuxième fois`,
        fix: 'Retirez l’une des deux lignes, ou renommez la clé.',
      }),
      reservedStart: (char) => ({
        expected: 'une valeur qui ne commence ni par @, ni par `, ni par %',
        found: `une valeur qui commence par ${char}`,
        fix: 'Mettez la valeur entre guillemets droits.',
      }),
      backslash: () => ({
        expected:
          'entre guillemets droits, une barre oblique inverse (\\) seulement devant n, t, " ou une autre barre oblique inverse',
        found: 'une barre oblique inverse (\\) suivie d’un autre caractère',
        fix: 'Doublez la barre oblique inverse (\\\\), ou mettez la valeur entre apostrophes.',
      }),
      other: () => ({
        expected: 'du YAML valide',
        found: 'une ligne que le YAML ne sait pas lire',
        fix: 'Les causes habituelles, près de cette ligne : un guillemet droit à l’intérieur d’une valeur entre guillemets droits (écrivez des apostrophes ou « » à l’intérieur) ; une tabulation dans l’indentation (mettez des espaces) ; une espace manquante après les deux-points d’une clé (clé: valeur) ; un guillemet fermant oublié.',
      }),
    },
    unknownKeys: (keys, accepted, closest, spaced) => ({
      expected: `l’une des clés de ce bloc : ${accepted.join(', ')}`,
      found: `${keys.length > 1 ? 'clés inconnues' : 'clé inconnue'} ${keys.map(quoted).join(', ')}`,
      fix: spaced
        ? `Ajoutez une espace après les deux-points : ${spaced}`
        : closest
          ? `Écrivez ${quoted(closest)} au lieu de ${quoted(keys[0] ?? '')}, ou retirez la clé.`
          : 'Retirez la clé, ou remplacez-la par l’une des clés de la liste.',
    }),
    missingValue: (key, last) => ({
      expected: `une valeur pour ${quoted(key)}`,
      found: 'rien',
      fix: `Écrivez « ${last}: » à cet endroit, suivi de sa valeur.`,
    }),
    wrongType: (key, last, expected, got, value) => ({
      expected: `${TYPE[expected] ?? expected} pour ${quoted(key)}`,
      found: `${value} (${TYPE[got] ?? got})`,
      fix:
        expected === 'string'
          ? `Écrivez un texte entre guillemets droits : ${last}: "${value.replace(/^"|"$/g, '')}"`
          : expected === 'number' || expected === 'int'
            ? `Écrivez un nombre sans guillemets, par exemple ${last}: 10`
            : expected === 'boolean'
              ? `Écrivez ${last}: true (oui) ou ${last}: false (non), sans guillemets.`
              : expected === 'array'
                ? `Écrivez une liste : ${last}: [a, b] sur la ligne, ou une ligne « - » par élément en dessous.`
                : `Écrivez les clés de ${quoted(last)} sur les lignes suivantes, indentées de deux espaces de plus.`,
    }),
    tooSmall: (origin, minimum, exact) => ({
      expected:
        origin === 'string'
          ? 'un texte non vide'
          : origin === 'array'
            ? `une liste d’${exact ? 'exactement' : 'au moins'} ${plural(minimum, 'élément')}`
            : `un nombre d’au moins ${minimum}`,
      fix:
        origin === 'string'
          ? 'Écrivez le texte entre les guillemets, ou retirez la clé si elle est facultative.'
          : origin === 'array'
            ? 'Ajoutez les éléments qui manquent, une ligne « - » chacun.'
            : `Écrivez un nombre supérieur ou égal à ${minimum}.`,
    }),
    tooBig: (origin, maximum, exact) => ({
      expected:
        origin === 'array'
          ? `une liste d’${exact ? 'exactement' : 'au plus'} ${plural(maximum, 'élément')}`
          : origin === 'string'
            ? `un texte d’au plus ${plural(maximum, 'caractère')}`
            : `un nombre d’au plus ${maximum}`,
      fix:
        origin === 'array'
          ? 'Retirez les éléments en trop.'
          : origin === 'string'
            ? 'Raccourcissez le texte.'
            : `Écrivez un nombre inférieur ou égal à ${maximum}.`,
    }),
    idFormat: (suggested) => ({
      expected:
        'un identifiant : lettres minuscules sans accent, chiffres et « _ », en commençant par une lettre (par exemple aide_diagnostic)',
      fix: `${suggested ? `Écrivez ${quoted(suggested)} : les` : 'Les'} tirets, espaces, majuscules et accents ne sont pas permis dans un identifiant ; s’il est repris ailleurs (segments, graphiques, textes), changez-le aussi à ces endroits.`,
    }),
    dateFormat: (suggested, written) => ({
      expected: 'une date écrite AAAA-MM-JJ (année, mois, jour), par exemple "2024-04-23"',
      fix: suggested
        ? `Écrivez "${suggested}" au lieu de "${written}".`
        : 'Écrivez la date sous la forme "AAAA-MM-JJ", entre guillemets, par exemple "2024-04-23" pour le 23 avril 2024.',
    }),
    colourFormat: () => ({
      expected: 'une couleur écrite #rrvvbb (six chiffres hexadécimaux), par exemple "#7a1f5c"',
      fix: 'Écrivez la couleur entre guillemets, sous la forme "#7a1f5c" (le # compris : sans guillemets, il commence un commentaire).',
    }),
    urlFormat: () => ({
      expected: 'une adresse web complète, qui commence par https://',
      fix: 'Écrivez l’adresse entière, entre guillemets, par exemple "https://www.tech-imago.fr/enquetes/ia-2024/".',
    }),
    oneOf: (values, closest) => ({
      expected: `l’une de ces valeurs : ${values.join(', ')}`,
      fix: closest
        ? `Écrivez ${quoted(closest)}, tel quel.`
        : 'Écrivez l’une de ces valeurs, telle quelle.',
    }),
    questionType: (names) => ({
      expected: `un type de question parmi : ${names.join(', ')}`,
      fix: 'Choisissez le type qui correspond à la question du formulaire : single (une seule réponse), multiple (plusieurs réponses possibles), yesno (oui ou non), scale (une note sur une échelle, avec min: et max:), text (une réponse libre), timestamp (la colonne « Horodateur »).',
    }),
    chartKind: (names) => ({
      expected: `un type de graphique parmi : ${names.join(', ')}`,
      fix: 'Écrivez après « kind: » l’un de ces types de graphique, tel quel.',
    }),
    accentFix: (shade) =>
      `Écrivez accent: "${shade}" (la nuance plus foncée la plus proche qui passe), ou choisissez une couleur plus foncée.`,
    invalid: (key) => `Corrigez ${quoted(key)} comme indiqué.`,
    accent: (ratio, has, shade) =>
      `une couleur d’accent lisible en texte sur fond blanc : le niveau WCAG AA demande ${String(ratio).replace('.', ',')}:1, celle-ci a ${has.replace('.', ',')}:1 (la nuance plus foncée la plus proche qui passe est ${shade})`,
    previousMissing: (folder, configFile, written, itself) => ({
      expected: `le dossier de l’édition précédente, relatif à ${folder}, contenant son ${configFile}`,
      found: `${quoted(written)} (${itself ? 'cette édition elle-même' : `un dossier sans ${configFile}`})`,
      fix: 'Écrivez le chemin du dossier de cette édition à celui de l’an dernier, par exemple previous: "../2024", ou retirez la clé pour publier sans comparaison.',
    }),
    previousCycle: (written, loop) => ({
      expected:
        'des éditions nommées par « previous: » l’une après l’autre jusqu’à la première (celle qui n’a pas de « previous: »)',
      found: `${quoted(written)} ramène à une édition déjà lue : ${loop.join(' → ')}`,
      fix: 'Faites pointer « previous: » vers l’édition qui précède celle-ci ; la toute première édition n’a pas de « previous: ».',
    }),
    bodyOutside: (body) => ({
      expected: 'un chemin dans le dossier d’édition (par exemple articles/article.hbs)',
      found: body,
      fix: 'Gardez les textes des articles dans le dossier d’édition et donnez leur chemin relatif à celui-ci.',
    }),
  },

  references: {
    duplicate: (what, value) => ({
      expected: `chaque ${WHAT[what]} une seule fois`,
      found: `${quoted(String(value))} de nouveau`,
      fix: 'Donnez un autre nom à ce doublon, ou retirez l’entrée répétée.',
    }),
    segmentAll: () => ({
      expected: 'un identifiant autre que « all »',
      found: '« all »',
      fix: '« all » est prédéfini (tous les répondants gardés) ; renommez ce segment.',
    }),
    timestampCount: (n) => ({
      expected: 'exactement une question de type « timestamp » (la colonne « Horodateur »)',
      found: `${n}`,
      fix: 'Décrivez la colonne d’horodatage une seule fois, avec type: timestamp.',
    }),
    appliesTo: (ids, found) => ({
      expected: `un identifiant de segment (${ids.join(', ')})`,
      found: quoted(found),
      fix: 'Utilisez l’identifiant d’un segment listé sous « segments: », ou ajoutez ce segment.',
    }),
    scaleRange: (min, max) => ({
      expected: 'un max plus grand que le min',
      found: `min ${min}, max ${max}`,
      fix: 'Écrivez l’étendue de l’échelle telle que le formulaire la propose, par exemple min: 1, max: 10.',
    }),
    otherCode: (code) => ({
      expected: `un code autre que ${quoted(code)}`,
      found: quoted(code),
      fix: `${quoted(code)} désigne les réponses « Autre » saisies ; mettez « other: true » au lieu de le lister.`,
    }),
    unknownQuestion: (ids, found) => ({
      expected: `un identifiant de question (${ids.join(', ')})`,
      found: quoted(found),
      fix: 'Utilisez l’identifiant d’une question listée sous « questions: ».',
    }),
    segmentOnOpenQuestion: (id, type) => ({
      expected: 'une question à réponses proposées (single, multiple ou yesno)',
      found: `la question ${quoted(id)} de type ${type}`,
      fix: 'Les segments choisissent les répondants par leurs réponses à des questions fermées.',
    }),
    unknownAnswer: (question, codes, found) => ({
      expected: `un code de réponse de ${quoted(question)} (${codes.join(', ')})`,
      found: quoted(found),
      fix: `Utilisez l’un des codes listés sous les options de la question ${quoted(question)}.`,
    }),
    chartQuestionType: (accepted, id, type, kinds) => ({
      expected: `une question de type ${anyOf(accepted)}`,
      found: `la question ${quoted(id)} de type ${type}`,
      fix:
        kinds.length > 0
          ? `Représentez une question de type ${anyOf(accepted)}, ou celle-ci avec ${anyOf(kinds)}.`
          : `Représentez une question de type ${anyOf(accepted)} : aucun type de graphique ne représente une question ${type}.`,
    }),
    chartSegment: (ids, found) => ({
      expected: `un identifiant de segment (all, ${ids.join(', ')})`,
      found: quoted(found),
      fix: 'Utilisez l’identifiant d’un segment listé sous « segments: », ou « all ».',
    }),
    freeTextQuestion: (ids, found) => ({
      expected: `l’identifiant d’une question à réponses saisies (${ids.join(', ') || 'aucune dans cette édition'})`,
      found: `${quoted(found)}, qui n’est pas une question de cette édition`,
      fix: 'Utilisez l’identifiant d’une question listée sous « questions: » : une question de type text, ou une question avec other: true (ses réponses « Autre » saisies).',
    }),
    freeTextNotTyped: (ids, id, type) => ({
      expected: `une question à réponses saisies (${ids.join(', ') || 'aucune dans cette édition'})`,
      found: `la question ${quoted(id)} de type ${type}, sans réponse saisie`,
      fix: 'Les réponses libres sont celles des questions de type text et le champ « Autre » des questions avec other: true ; choisissez l’une de celles-ci, ou retirez l’entrée.',
    }),
    freeTextPrivate: (id) => ({
      expected: 'une question dont les réponses peuvent être publiées',
      found: `la question ${quoted(id)}, marquée private: true`,
      fix: 'Une question privée n’est jamais publiée : retirez-la de freeText.',
    }),
    comparabilityKey: (ids, found) => ({
      expected: `l’identifiant d’une question ou d’un segment dont la comparaison avec l’édition précédente est tranchée (${ids.join(', ')})`,
      found: quoted(found),
      fix: 'Notez chaque décision sous l’identifiant de la question ou du segment qui a changé, tel que enquete check le nomme.',
    }),
    weightingNoQuestion: () => ({
      expected:
        'au moins une question sous weighting › margins, avec la part visée de chacune de ses réponses',
      found: 'aucune',
      fix: 'Écrivez sous margins: l’identifiant d’une question et la part de chaque code de réponse, par exemple profession: { radiologue: 0.30, manipulateur: 0.45, cadre: 0.15, autre: 0.10 } ; ou retirez weighting: pour publier des chiffres non pondérés.',
    }),
    weightingQuestionType: (id, type) => ({
      expected:
        'une question à une seule réponse par répondant (type single ou yesno) : ses réponses répartissent les répondants',
      found: `la question ${quoted(id)} de type ${typeName(type)}`,
      fix: 'Pondérez sur une question à choix unique ou oui/non (profession, secteur) : chaque répondant doit se trouver dans une seule de ses réponses.',
    }),
    weightingPrivate: (id) => ({
      expected:
        'une question dont les réponses peuvent être publiées : l’encadré de méthodologie imprime les parts visées',
      found: `la question ${quoted(id)}, marquée private: true`,
      fix: 'Pondérez sur une autre question, ou retirez private: true si ses réponses ne sont pas des données personnelles.',
    }),
    weightingMissingCodes: (question, codes, missing) => ({
      expected: `une part visée pour chaque code de réponse de ${quoted(question)} (${codes.join(', ')})`,
      found: `aucune part pour ${missing.map(quoted).join(', ')}`,
      fix: `Ajoutez ${missing.map((c) => `${c}: <sa part>`).join(', ')} ; écrivez 0 pour une réponse que personne ne donne dans la population.`,
    }),
    weightingShare: (value) => ({
      expected: `une part comprise entre 0 et 1 (0.30 pour 30${NBSP}%)`,
      found: String(value),
      fix: 'Écrivez la part de la population qui donne cette réponse, en nombre décimal entre 0 et 1 (avec un point : 0.30).',
    }),
    weightingSum: (question, sum) => ({
      expected: `des parts visées pour ${quoted(question)} dont la somme fait 1 (100${NBSP}%), à 0,001 près`,
      found: `une somme de ${formatDecimal(sum, 4).replace(/,?0+$/, '')}`,
      fix: 'Corrigez les parts pour que leur somme fasse 1 : chaque répondant donne l’une des réponses, « autre » comprise.',
    }),
    weightingBounds: (low, high) => ({
      expected:
        'des bornes [plus petit, plus grand] pour les poids : la première au-dessus de 0 et au plus 1, la seconde au moins 1 (par exemple [0.3, 3])',
      found: `[${low}, ${high}]`,
      fix: 'Écrivez bounds: [0.3, 3] (la valeur par défaut), ou d’autres bornes autour de 1 : un poids de 1 est celui d’un répondant moyen.',
    }),
  },

  weighting: {
    noRespondent: (question, code, target) => ({
      expected: `des répondants ayant donné ${quoted(code)} à ${quoted(question)}, pour porter sa part visée (${percent(target)})`,
      found: 'aucun parmi les répondants pondérés',
      fix: `Mettez la part de ${quoted(code)} à 0 et ajoutez-la à celle de la réponse la plus proche (la somme faisant toujours 1), ou pondérez sur une autre question.`,
    }),
    zeroTarget: (question, code, respondents) => ({
      expected: `une part au-dessus de 0 pour ${quoted(code)} de ${quoted(question)}, que ${plural(respondents, 'répondant a donnée', 'répondants ont donnée')}`,
      found: '0',
      fix: 'Donnez à cette réponse sa part de la population : une part de 0 donnerait à ces répondants un poids nul.',
    }),
    cannotMeet: (question, code, target, reached) => ({
      expected: `des poids qui donnent à ${quoted(code)} de ${quoted(question)} sa part visée (${percent(target)}) à 0,1 point près`,
      found: `${percent(reached)} au mieux : les parts visées des questions de pondération se contredisent pour ces répondants`,
      fix: 'Vérifiez que les parts visées de chaque question décrivent la même population, ou pondérez sur moins de questions.',
    }),
    boundsTooTight: (question, code, target, sample, needed, bounds) => ({
      expected: `des poids entre les bornes [${formatDecimal(bounds[0], 2).replace(/,?0+$/, '')} ; ${formatDecimal(bounds[1], 2).replace(/,?0+$/, '')}] qui donnent à ${quoted(code)} de ${quoted(question)} sa part visée (${percent(target)})`,
      found: `${percent(sample)} des répondants pondérés l’ont donnée : le redressement leur demande des poids de ${formatDecimal(needed, 2)}`,
      fix: 'Élargissez bounds: sous weighting: (un très grand poids fait reposer un chiffre sur peu de répondants), ou vérifiez la part visée.',
    }),
  },

  lint: {
    otherAnswer: '« Autre »',
    handTypedKeyFigures: () => ({
      expected:
        'des chiffres clés écrits avec {{#keyFigures}} et {{#keyFigure}}, que montrent les cartes pour les réseaux sociaux',
      found: 'une liste tapée à la main (<ul class="key-figures">) : aucune carte n’en est faite',
      fix: 'Écrivez {{#keyFigures}}{{#keyFigure (pct "…")}}sa phrase ({{n "…"}}){{/keyFigure}}…{{/keyFigures}} à la place de la liste.',
    }),
    literalYear: (year, editionYear, previous) => ({
      expected: `aucune année tapée dans le texte, hormis celle de l’édition (${editionYear})`,
      found: quoted(year),
      fix: previous
        ? 'Écrivez {{edition.year}} pour l’année de cette édition, {{previousEdition}} pour celle de l’édition précédente.'
        : 'Écrivez {{edition.year}} pour l’année de l’édition, ou reformulez la phrase.',
    }),
    uncovered: (n, segments, answers, widened) => ({
      expected: `chaque répondant dans un des segments du graphique (${segments.join(', ')})`,
      found: `${plural(n, 'répondant')} dans aucun : ${answers.map((a) => `${a.label} (${a.n})`).join(', ')}`,
      fix: widened
        ? `Rattachez-les à ${quoted(widened.segment)} (sous « segments: ») : ${widened.where} ; ou ajoutez un segment par réponse, sous « segments: » et dans la liste du graphique.`
        : 'Ajoutez un segment pour chacune de ces réponses, sous « segments: » et dans la liste du graphique.',
    }),
    emptySegment: (segment, question) => ({
      expected: `des répondants à ${quoted(question)} dans le segment ${quoted(segment)}`,
      found: 'personne cette année : le graphique l’omet, et sa note le dit',
      fix: `Retirez ${quoted(segment)} de la liste du graphique, ou gardez-le si ce groupe vide est en soi une information.`,
    }),
    smallBaseClaim: (helper, sides) => ({
      expected:
        'les bases d’une comparaison sur moins de 30 répondants, imprimées dans son paragraphe',
      found: `${helper} sur ${sides.map((s) => `${quoted(s.figure)}${s.previous ? ' (édition précédente)' : s.first ? ' (première édition)' : ''}, n = ${s.base}`).join(', ')}, base absente du paragraphe`,
      fix: 'Imprimez la base à côté de l’affirmation : {{outof "…"}} (« 5 sur 8 »), {{n "…"}} (« n = 8 »), {{before "…"}} pour l’édition précédente, ou {{first "…"}} pour la première édition.',
    }),
    percentOnSmallBase: (figure, base) => ({
      expected:
        'un effectif sous 30 répondants (« 8 sur 14 »), comme l’annonce l’encadré de méthodologie',
      found: `{{pct "${figure}"}} sur ${base} répondants`,
      fix: 'Utilisez {{share "…"}} (un effectif sous 30, un pourcentage au-delà) ou {{outof "…"}}.',
    }),
  },

  charts: {
    changeNeedsPrevious: () => ({
      expected: 'une édition précédente à laquelle comparer (« edition.previous »)',
      found: 'pas de « previous: » sous « edition: »',
      fix: 'Ajoutez previous: "../<dossier de l’an dernier>" sous « edition: », ou choisissez un autre type de graphique.',
    }),
    changeNeedsAnswer: (question, example) => ({
      expected: `la réponse dont la part est dessinée (« answer: » avec un code de ${quoted(question)})`,
      found: 'pas de « answer: »',
      fix: `Ajoutez answer: <code> au graphique, par exemple answer: ${example}.`,
    }),
  },

  theme: {
    logo: (found, fix) => ({
      expected: 'un fichier SVG dans le dossier d’édition',
      found,
      fix,
    }),
    logoOutside:
      'Copiez le logo dans le dossier d’édition et donnez son chemin relatif à celui-ci.',
    logoMissing: (full) => `aucun fichier à ${full}`,
    logoPath: 'Vérifiez le chemin, relatif au dossier d’édition (par exemple theme/logo.svg).',
    notSvg: 'le fichier n’est pas une image SVG (son premier élément n’est pas <svg>)',
    noSize: 'le SVG n’a ni viewBox ni largeur et hauteur qui permettent de le mettre à l’échelle',
    logoNotSvg:
      'Exportez le logo en SVG (Fichier > Exporter > SVG) et faites pointer theme.logo dessus.',
  },

  templates: {
    missing: () => ({
      expected: 'un gabarit Handlebars',
      found: 'aucun fichier de ce nom',
      fix: 'Vérifiez le chemin donné dans la configuration de l’édition (« body: »).',
    }),
    unknownFigure: (reason, suggestions) => ({
      expected:
        'l’identifiant d’un chiffre calculé à partir des données (voir output/<édition>/figures.json ou `npx enquete figures <dossier>`)',
      found: reason,
      fix: `Corrigez l’identifiant dans le texte.${suggestions.length > 0 ? ` Vouliez-vous dire ${suggestions.map(quoted).join(', ')} ?` : ''}`,
    }),
    noSuchQuestion: (question, questions) => ({
      expected: `un chiffre d’une question de cette édition (${questions.join(', ')})`,
      found: `aucune question ${quoted(question)} dans edition.yaml`,
      fix: 'Si la question a été retirée du questionnaire (enquete init les liste dans init-report.md), retirez ce chiffre et la phrase qui le cite ; si elle a changé d’identifiant, écrivez le nouveau.',
    }),
    wrongKind: (id, kind, wanted, mean) => ({
      expected: `${wanted.map(kindName).join(' ou ')} : ${wanted.length > 1 ? 'les seuls chiffres que cette aide accepte' : 'le seul chiffre que cette aide accepte'}`,
      found: `${quoted(id)}, qui est ${kindName(kind)}`,
      fix:
        wanted.length > 1
          ? 'Ces aides comparent ou classent des parts ou des moyennes : nommez des chiffres de ce type.'
          : kind === 'share'
            ? `Pour une part, écrivez {{pct "${id}"}} (un pourcentage), {{outof "${id}"}} (« 21 sur 24 ») ou {{share "${id}"}} (l’un ou l’autre selon la base).${mean ? ` Pour la moyenne de la question : {{mean "${mean}"}}.` : ''}`
            : kind === 'mean'
              ? `Pour une moyenne, écrivez {{mean "${id}"}}.`
              : kind === 'count'
                ? `Pour un effectif, écrivez {{count "${id}"}}.`
                : kind === 'date'
                  ? `Pour une date, écrivez {{date "${id}"}}.`
                  : kind === 'change'
                    ? `Pour une évolution, écrivez {{change "${id.replace(/\.change$/, '')}"}}.`
                    : 'Corrigez l’identifiant, ou choisissez l’aide qui convient à ce chiffre.',
    }),
    unknownVariable: (name) => ({
      expected: 'seulement des variables fournies par l’article, ou une aide (helper)',
      found: `${quoted(name)}, qui n’est ni l’un ni l’autre`,
      fix: `Retirez ou corrigez ${quoted(name)} ; les chiffres s’écrivent avec des aides comme {{pct "usage.oui.share.all"}}.`,
    }),
    syntax: (found) => ({
      expected: 'un gabarit Handlebars valide',
      found: found ?? 'un bloc encore ouvert à la fin du texte',
      fix: 'Vérifiez que chaque {{#if}}, {{#each}} et {{#unless}} est fermé par son {{/if}}, {{/each}} ou {{/unless}}, et que chaque « {{ » est refermé par « }} ».',
    }),
    unknownChart: (id, ids) => ({
      expected: `un graphique déclaré sous le « charts: » de cet article dans edition.yaml (${ids.length > 0 ? ids.join(', ') : 'il n’en déclare aucun'})`,
      found: `${quoted(id)}, qui n’en est pas un`,
      fix: `Déclarez le graphique dans edition.yaml, sous « articles: », dans le « charts: » de cet article (- id: ${id}, avec son kind:, son question: et son title:)${ids.length > 0 ? ' ; ou corrigez l’identifiant pour celui de l’un des graphiques déclarés ci-dessus' : ''} ; ou, si le graphique n’a plus lieu d’être, retirez {{chart "${id}"}} du texte.`,
    }),
    htmlInMarkdown: (tags) => ({
      expected:
        'un article écrit en Markdown, sans balise HTML : le HTML n’y est pas interprété, le lecteur verrait les balises telles quelles',
      found: tags.map(quoted).join(', '),
      fix: `Retirez ${tags.length > 1 ? 'ces balises' : 'cette balise'} et écrivez en Markdown : une ligne vide entre deux paragraphes, « ## » devant un intertitre, « - » devant chaque élément d’une liste, **gras**, _italique_, [texte](adresse) ; les chiffres clés dans un bloc \`\`\`chiffres-clés.`,
    }),
    unclosedCall: () => ({
      expected: 'chaque « {{ » refermé par « }} »',
      found: 'un « {{ » qui n’est pas refermé avant le suivant',
      fix: 'Refermez l’aide par deux accolades : {{pct "usage.oui.share.all"}}.',
    }),
    strayClose: (name) => ({
      expected: `un {{#${name} …}} avant ce {{/${name}}}`,
      found: `{{/${name}}}, qui ne ferme aucun bloc ouvert`,
      fix: `Retirez ce {{/${name}}}, ou ajoutez plus haut le {{#${name} …}} qu’il doit fermer.`,
    }),
    mismatchedClose: (opened, name) => ({
      expected: `{{/${opened}}}, qui ferme le dernier bloc ouvert, {{#${opened} …}}`,
      found: `{{/${name}}}`,
      fix: `Fermez d’abord le {{#${opened} …}} par {{/${opened}}} ; chaque bloc se ferme dans l’ordre inverse de son ouverture.`,
    }),
    unclosedBlock: (name) => ({
      expected: `un {{/${name}}} qui ferme ce {{#${name} …}}`,
      found: 'un bloc ouvert ici et jamais fermé',
      fix: `Ajoutez {{/${name}}} à la fin de ce qui dépend de la condition.`,
    }),
    elseOutside: () => ({
      expected: 'un {{else}} entre un {{#if …}} et son {{/if}}',
      found: '{{else}} hors de tout bloc',
      fix: 'Placez-le à l’intérieur d’un {{#if …}} … {{/if}}, ou retirez-le.',
    }),
    unquotedId: (id) => ({
      expected: 'l’identifiant d’un chiffre entre guillemets',
      found: id,
      fix: `Mettez l’identifiant entre guillemets : "${id}".`,
    }),
    keyFigureLine: (line: string) => ({
      expected:
        'dans le bloc « chiffres-clés », une ligne par chiffre, qui commence par le chiffre : {{pct "…"}}, {{count "…"}} ou {{mean "…"}}, puis sa phrase',
      found: line,
      fix: 'Commencez la ligne par l’aide qui donne le chiffre, par exemple : {{pct "usage.oui.share.radiologues"}} d’entre eux utilisent l’IA ({{n "usage.oui.share.radiologues"}})',
    }),
    noPartial: (file) => `pas de gabarit partiel ${file} dans templates/partials`,
    emptyGroup: (segment, guard) => ({
      expected: `des répondants du segment ${quoted(segment)} ayant répondu à la question`,
      found: 'personne cette année : le chiffre n’a pas de valeur',
      fix: `Retirez ce chiffre du texte, ou n’imprimez la phrase que s’il y a des répondants : {{#if (atLeast "${guard}" 1)}}…{{/if}}.`,
    }),
    weightingDiffers: (previous, d) => ({
      expected: `deux éditions pondérées de la même façon (sur les mêmes questions), ou toutes deux non pondérées, pour écrire une évolution depuis ${previous}`,
      found: difference(d, previous),
      fix: `Retirez cette évolution du texte ; ou pondérez l’édition ${previous} sur les mêmes questions (weighting: dans son edition.yaml), ou publiez cette édition sans pondération (apply: false sous weighting:).`,
    }),
    notComparable: (previous, notes) => ({
      expected: `un chiffre qui mesure la même chose qu’en ${previous}, ou la décision de la rédaction notée dans edition.yaml`,
      found: notes.map((n) => difference(n.difference, previous)).join(' ; '),
      fix: `Ne comparez que ce qui mesure encore la même chose ; ou, si la comparaison garde un sens, dites pourquoi dans edition.yaml (la phrase est imprimée dans l’encadré de méthodologie) :\n      comparability:\n${[...new Set(notes.map((n) => n.about))].map((a) => `        ${a}: "…"`).join('\n')}`,
    }),
    seriesNotComparable: (notes) => ({
      expected:
        'un chiffre qui mesure la même chose de la première édition à celle-ci, ou la décision de la rédaction notée là où il a changé',
      found: notes
        .map((n) => `de ${n.previous} à ${n.edition} : ${difference(n.difference, n.previous)}`)
        .join(' ; '),
      fix: `N’écrivez l’évolution que depuis que le chiffre mesure la même chose (un graphique series_by_segment montre la rupture) ; ou, si la comparaison garde un sens, dites pourquoi dans l’edition.yaml de l’édition ${[...new Set(notes.map((n) => `${n.edition}`))].join(', ')} (la phrase est imprimée dans l’encadré de méthodologie de cette édition) :\n      comparability:\n${[...new Set(notes.map((n) => `${n.about}`))].map((a) => `        ${a}: "…"`).join('\n')}`,
    }),
    refused: (reason, a, b) => ({
      expected:
        'deux chiffres sur des répondants distincts, sur les mêmes répondants, ou un groupe face à un groupe qui le contient',
      found:
        reason === 'overlap'
          ? `${quoted(a)} et ${quoted(b)} comptent en partie les mêmes répondants`
          : `${quoted(a)} comparé à lui-même`,
      fix:
        reason === 'overlap'
          ? 'Comparez des groupes sans répondant commun (hospitaliers et libéraux), les mêmes répondants (deux réponses d’une même question), ou un groupe et un groupe qui le contient (radiologues et ensemble).'
          : 'Nommez deux chiffres différents.',
    }),
    thresholdNumber: (found) => ({
      expected: 'un nombre auquel comparer le chiffre (0.5 pour la moitié)',
      found: quoted(found),
      fix: 'Pour opposer deux chiffres, utilisez higher ou lower, tranchés par leur intervalle : {{#if (higher "a" "b")}}.',
    }),
    fewFigures: () => ({
      expected: 'au moins deux chiffres à comparer',
      found: 'un seul',
      fix: 'Nommez chaque chiffre que la formulation compare : {{#if (highest "a" "b" "c")}}.',
    }),
    similarGap: () => ({
      expected: 'similar sans gap=',
      found: 'gap=',
      fix: 'similar dit qu’aucun écart n’est mesurable ; pour dire que deux chiffres sont du même ordre, utilisez {{#if (within "a" "b" 5)}} (tout l’intervalle à moins de 5 points).',
    }),
    withinGap: (found) => ({
      expected:
        'une marge : en points pour les parts (5), dans l’unité de l’échelle pour les moyennes (0.5)',
      found: quoted(found),
      fix: 'Écrivez {{#if (within "a" "b" 5)}}.',
    }),
    listPhrase: (found) => ({
      expected: 'des identifiants de chiffres, chacun suivi des mots qui le nomment',
      found: quoted(found),
      fix: 'Écrivez {{list "usages.diagnostic.share.all" "l’aide au diagnostic" "usages.segmentation.share.all" "la segmentation"}}.',
    }),
    decimalsBeyondBase: (question, decimals, figure, base, max) => ({
      expected: `au plus ${plural(max, 'décimale')} pour les moyennes de ${quoted(question)} : ${quoted(figure)} est imprimé et compte ${base} répondants`,
      found: `decimals=${decimals}`,
      fix: 'Une moyenne de moins de 30 répondants s’écrit avec une décimale au plus, les autres avec deux au plus : retirez decimals= ou demandez-en moins.',
    }),
    decimals: (question, decimals, file, line, found) => ({
      expected: `les moyennes de ${quoted(question)} avec ${plural(decimals, 'décimale')}, comme demandé dans ${file} ligne ${line}`,
      found: `decimals=${found}`,
      fix: 'Un chiffre s’écrit de la même façon partout : donnez le même decimals= aux deux endroits (ou omettez-le là où l’autre s’applique).',
    }),
  },

  figures: {
    noSuchFigure: 'aucun chiffre de ce nom',
    noPrevious:
      'pas d’édition précédente à laquelle comparer : ajoutez « previous: » sous « edition: »',
    noChange: (noPrevious) =>
      `pas de chiffre d’évolution (${noPrevious}, ou elle n’a pas ce chiffre)`,
    noSeries: (noPrevious) =>
      `pas de série (${noPrevious}, ou aucune édition précédente n’a ce chiffre)`,
    notKind: (kinds, kind) => `pas ${kinds.map(kindName).join(' ni ')} mais ${kindName(kind)}`,
    notComparable: (kind, otherKind, other) =>
      `${kindName(kind)}, comparée à ${kindName(otherKind)} ${quoted(other)} : comparez deux parts ou deux moyennes`,
    aDate: 'une date, pas un nombre',
  },

  ingest: {
    noExport: (folder, file, configFile) => ({
      expected: 'l’export des réponses',
      found: 'aucun fichier de ce nom',
      fix: `Placez l’export Google Forms dans ${folder} sous le nom ${file}, ou indiquez « source.file » dans ${configFile}.`,
    }),
    binary: () => ({
      expected: 'un fichier CSV en texte',
      found: 'un contenu binaire (octets NUL) : peut-être un classeur .xlsx ou une archive zip',
      fix: `Exportez les réponses en CSV (Google Forms : « Télécharger les réponses (.csv) » ; Excel : « CSV UTF-8 »), ou, si c’est un classeur, nommez-le .xlsx et indiquez ce nom dans ${named('source.file')}${NBSP}: enquete le lit aussi.`,
    }),
    empty: () => ({
      expected: 'un export CSV avec une ligne d’en-têtes et au moins une réponse',
      found: 'un fichier vide',
      fix: DOWNLOAD_AGAIN,
    }),
    noRows: () => ({
      expected: 'une ligne d’en-têtes suivie des réponses',
      found: 'aucune ligne',
      fix: DOWNLOAD_AGAIN,
    }),
    quoteNotClosed: (line) => ({
      expected: 'chaque cellule entre guillemets fermée par un guillemet',
      found: `une cellule entre guillemets ouverte à la ligne ${line} ou avant, encore ouverte à la fin du fichier`,
      fix: 'Trouvez près de cette ligne la cellule dont le guillemet fermant manque et ajoutez-le ; un guillemet dans une cellule s’écrit deux fois ("").',
    }),
    strayQuote: () => ({
      expected: 'un séparateur ou la fin de la ligne après un guillemet fermant',
      found: 'un guillemet au milieu d’une cellule',
      fix: 'Écrivez un guillemet dans une cellule deux fois ("") ou exportez de nouveau le fichier depuis Google Forms, qui le fait.',
    }),
    shortened: (start: string, length: number) =>
      `${start}… (${new Intl.NumberFormat('fr-FR').format(length)} caractères en tout)`,
    changedWhileRead: () => ({
      expected: 'l’export tel qu’il était quand ses réponses ont été comptées',
      found: 'un fichier modifié depuis (taille ou date de modification différente)',
      fix: 'Relancez la commande : elle relira le nouvel export du début.',
    }),
    recordTooLong: (megabytes) => ({
      expected: `des lignes de moins de ${megabytes}${NBSP}Mo`,
      found: `une ligne (ou une cellule entre guillemets jamais fermée) de plus de ${megabytes}${NBSP}Mo`,
      fix: 'Vérifiez que ce fichier est bien l’export des réponses ; s’il l’est, cherchez la cellule dont le guillemet fermant manque et exportez de nouveau le fichier.',
    }),
    tooLarge: (rows, megabytes) => ({
      expected: `des réponses qui tiennent en ${megabytes}${NBSP}Mo de mémoire`,
      found: `plus de ${new Intl.NumberFormat('fr-FR').format(rows)} réponses avant d’atteindre cette limite`,
      fix: 'Vérifiez que ce fichier est bien l’export des réponses d’une seule enquête, et non plusieurs exports mis bout à bout ; une enquête de cette taille dépasse ce qu’enquete sait lire.',
    }),
    badCsv: (found) => ({
      expected: 'un CSV bien formé',
      found,
      fix: 'Exportez de nouveau le fichier depuis Google Forms, ou enregistrez-le depuis Excel en « CSV UTF-8 ».',
    }),
    duplicateHeader: (before) => ({
      expected: 'chaque en-tête de colonne une seule fois',
      found: `le même en-tête que la colonne ${before}`,
      fix: 'Retirez ou renommez la colonne répétée ; l’export doit avoir une colonne par question.',
    }),
    unknownHeader: (empty, closest, configFile) => ({
      expected: 'un en-tête listé sous « questions: » dans la configuration de l’édition',
      found: empty
        ? 'un en-tête vide'
        : `un en-tête inconnu${closest === undefined ? '' : ` (en-tête connu le plus proche : ${quoted(closest)})`}`,
      fix: `Si la question a été reformulée, copiez cet en-tête dans son « header: » dans ${configFile} ; si elle est nouvelle, ajoutez-lui une question.`,
    }),
    missingColumn: (header, configFile) => ({
      expected: `une colonne intitulée ${quoted(header)}`,
      found: 'aucune colonne de ce nom',
      fix: `Vérifiez que l’export est complet ; si la question a été reformulée, mettez à jour son « header: » dans ${configFile} ; si elle a été retirée, retirez-la de la configuration.`,
    }),
    fieldCount: (width, found) => ({
      expected: `${width} champs, comme la ligne d’en-têtes`,
      found: `${plural(found, 'champ')}`,
      fix: 'Cherchez dans cette ligne un séparateur manquant ou en trop ; exportez de nouveau le fichier plutôt que de le corriger à la main.',
    }),
    blankTimestamp: () => ({
      expected: 'l’heure d’envoi de la réponse',
      found: 'une cellule vide',
      fix: 'Exportez de nouveau le fichier depuis Google Forms ; l’horodatage est écrit par le formulaire, jamais saisi.',
    }),
    headerOnly: () => ({
      expected: 'au moins une réponse sous la ligne d’en-têtes',
      found: 'la ligne d’en-têtes seule',
      fix: 'Téléchargez de nouveau l’export quand le formulaire a des réponses.',
    }),
    allExcluded: (rows, reasons, configFile) => ({
      expected: 'au moins une réponse à analyser',
      found: `les ${rows} lignes écartées (${reasons})`,
      fix: `Comparez la période de collecte dans ${configFile} (« edition.fieldPeriod ») aux dates de l’export.`,
    }),
    badTimestamp: (found) => ({
      expected:
        'une date et une heure comme Google Forms les écrit (« 2024/04/23 9:15:32 AM UTC+2 ») ou comme Google Sheets (« 23/04/2024 09:15:32 »)',
      found,
      fix: 'Exportez de nouveau le fichier sans modifier la colonne « Horodateur ».',
    }),
    monthFirstTimestamp: (found) => ({
      expected:
        'une date et une heure comme Google Forms les écrit (« 2024/04/23 9:15:32 AM UTC+2 ») ou comme Google Sheets en français (« 23/04/2024 09:15:32 », le jour en premier)',
      found,
      fix: 'Cette date est écrite le mois en premier : le tableur qui a enregistré le fichier est réglé sur l’anglais des États-Unis. Reprenez l’export tel que le formulaire le donne (Google Forms : le CSV des réponses ; Microsoft Forms : le classeur .xlsx, où les dates ne dépendent pas de la langue), ou enregistrez-le depuis un tableur réglé sur la France.',
    }),
    badScale: (min, max, found) => ({
      expected: `un nombre entier de ${min} à ${max}`,
      found,
      fix: `Corrigez la cellule, ou videz-la si la personne n’a pas répondu (une cellule vide signifie « pas de réponse », jamais ${min}).`,
    }),
    unknownOption: (labels, found, question, yesno) => ({
      expected: `l’une des réponses ${labels.map(quoted).join(', ')}`,
      found,
      fix: `Si le formulaire propose cette réponse, ajoutez-la aux options de la question ${quoted(question)} dans edition.yaml${yesno ? '' : ', ou mettez « other: true » s’il s’agit d’une réponse « Autre » saisie'}.`,
    }),
    formColumn: (role, configFile) => ({
      expected: `un en-tête listé sous ${named('questions:')} ou ${named('source.metadata:')} dans la configuration de l’édition`,
      found: {
        metadata:
          'une colonne propre à Microsoft Forms (un identifiant ou une heure), pas une réponse',
        responseTime: 'l’heure à laquelle Microsoft Forms a reçu chaque réponse',
        personal: 'l’adresse e-mail ou le nom du répondant, tels que Microsoft Forms les note',
      }[role],
      fix: {
        metadata: `Listez cet en-tête sous ${named('source.metadata')} dans ${configFile}${NBSP}: la colonne n’est alors pas lue.`,
        responseTime: `Donnez cet en-tête comme ${named('header:')} de la question de type timestamp dans ${configFile}.`,
        personal: `Ajoutez à ${configFile} une question de cet en-tête, avec ${named('type: text')} et ${named('private: true')}${NBSP}: elle est lue, jamais publiée.`,
      }[role],
    }),
    notWorkbook: (what) => ({
      expected: 'un classeur Excel (.xlsx)',
      found: {
        empty: 'un fichier vide',
        text: 'un fichier texte, peut-être un export CSV renommé en .xlsx',
        other: 'un fichier qui n’est pas un classeur',
      }[what],
      fix: `Téléchargez de nouveau les réponses (Google Sheets${NBSP}: Fichier › Télécharger › Microsoft Excel (.xlsx)${NBSP}; Microsoft Forms${NBSP}: Réponses › Ouvrir dans Excel)${NBSP}; un export CSV se lit aussi${NBSP}: nommez-le .csv et indiquez ce nom dans ${named('source.file')}.`,
    }),
    workbookEncrypted: () => ({
      expected: 'un classeur qu’enquete peut ouvrir',
      found: 'un classeur protégé par un mot de passe (chiffré)',
      fix: `Ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe${NBSP}: videz le champ) et enregistrez-le de nouveau en .xlsx, ou téléchargez de nouveau les réponses depuis le formulaire.`,
    }),
    workbookOld: () => ({
      expected: 'un classeur Excel (.xlsx)',
      found: 'un classeur Excel 97-2003 (.xls) nommé .xlsx',
      fix: `Ouvrez-le dans Excel et enregistrez-le au format ${named('Classeur Excel (.xlsx)')}.`,
    }),
    workbookTruncated: () => ({
      expected: 'un classeur complet',
      found: `le début d’un classeur, sa fin manque (téléchargement ou copie interrompus${NBSP}?)`,
      fix: 'Téléchargez de nouveau les réponses et remplacez ce fichier.',
    }),
    workbookCorrupt: (reason) => ({
      expected: 'un classeur qu’enquete peut lire',
      found: `un classeur abîmé (${reason})`,
      fix: `Téléchargez de nouveau les réponses et remplacez ce fichier${NBSP}; si Excel l’ouvre, enregistrez-le de nouveau en .xlsx.`,
    }),
    noSheet: () => ({
      expected: 'un classeur d’au moins une feuille',
      found: 'aucune feuille',
      fix: 'Téléchargez de nouveau les réponses depuis le formulaire ou la feuille de calcul.',
    }),
    sheetMissing: (sheet, sheets) => ({
      expected: `une feuille nommée ${named(sheet)} (${named('source.sheet')})`,
      found: `les feuilles ${sheets.map(named).join(', ')}`,
      fix: `Écrivez dans ${named('source.sheet')} le nom exact de la feuille des réponses, ou retirez la clé pour lire la première feuille.`,
    }),
    emptySheet: () => ({
      expected: 'une ligne d’en-têtes, puis les réponses',
      found: 'une feuille vide',
      fix: `Vérifiez que c’est la feuille des réponses${NBSP}; sinon, indiquez la bonne dans ${named('source.sheet')}.`,
    }),
    beyondHeader: (column) => ({
      expected: 'des valeurs sous les en-têtes seulement',
      found: `une valeur en colonne ${column}, qui n’a pas d’en-tête`,
      fix: `Effacez cette cellule (une note ajoutée à la main${NBSP}?), ou donnez un en-tête à sa colonne et décrivez-la dans edition.yaml.`,
    }),
  },

  initReport: {
    title: (to, from) => `# Édition ${to} : préparée à partir de l’édition ${from}`,
    made: (folder, previous, exportFile, rows) =>
      `\`enquete init\` a créé ${folder} à partir de ${previous} et de l’export ${exportFile} (${plural(rows, 'réponse')}).`,
    editionId: (from, to, survey) =>
      `- Identifiant de l’édition : ${from} → **${to}** ; enquête : ${quoted(survey)}`,
    fieldPeriod: (start, end, wasStart, wasEnd) =>
      `- Période de collecte (première et dernière réponse) : du ${day(start)} au ${day(end)} (l’an dernier : du ${day(wasStart)} au ${day(wasEnd)})`,
    publishedAt: (url) => `- Adresse de publication : ${url}`,
    comparedWith: (previous) =>
      `- Comparée à : ${previous} (\`edition.previous\`) : chaque chiffre présent dans les deux éditions reçoit un chiffre d’évolution \`.change\``,
    articleDate: (article, from, to) =>
      `- Article ${article} : publié le ${day(from)} → le ${day(to)} (indiquez la vraie date de publication)`,
    none: 'Aucune.',
    questionsFound: 'Questions retrouvées dans le nouvel export',
    questionsHead: '| question | colonne | intitulé cette année | comment |',
    foundAt: (column, header) => `colonne ${column}, ${quoted(header)}`,
    byEvidence: (header, answers, scale, lastYear) =>
      `indices : intitulés semblables à ${header}${answers === null ? '' : `, ${answers} des réponses conformes à ${scale ? 'son échelle' : 'ses options'}`} ; l’an dernier ${quoted(lastYear)}`,
    sameHeader: 'même intitulé',
    sameHeaderNormalised: 'même intitulé, aux espaces, apostrophes ou majuscules près',
    responseTime: (lastYear) =>
      `heure d’envoi de chaque réponse, notée par le formulaire (l’an dernier ${quoted(lastYear)})`,
    metadataColumns: (headers) =>
      `- Colonnes propres au formulaire, qui ne sont pas des réponses : ${headers.map(quoted).join(', ')} ; listées sous \`source.metadata\`, jamais lues`,
    options: 'Réponses proposées',
    renamed: (id, code, from, to, alike, respondents) =>
      `- ${id} : option ${code} renommée ${quoted(from)} → ${quoted(to)} (libellés semblables à ${alike}, l’ancien n’est plus donné ; ${plural(respondents, 'répondant')}) ; son code est gardé, ses chiffres se comparent donc à ceux de l’an dernier`,
    addedOption: (id, code, label, respondents) =>
      `- ${id} : nouvelle option ${code} ${quoted(label)} (${plural(respondents, 'répondant')})`,
    others: (id, n, list, otherSet) =>
      `- ${id} : ${plural(n, 'réponse saisie gardée', 'réponses saisies gardées')} comme texte « Autre » (moins de 1 % des répondants, et de 5, seuils d’une option) : ${list}${otherSet ? ' — `other: true` ajouté' : ''}`,
    unseen: (id, code, label) =>
      `- ${id} : option ${code} ${quoted(label)} choisie par personne cette année (gardée)`,
    widened: (id, from, to) =>
      `- ${id} : échelle élargie de ${from} à ${to} (des réponses sortent de l’ancienne étendue)`,
    allKnown: 'Chaque réponse est l’une des options de l’an dernier.',
    newQuestions: 'Nouvelles questions',
    newQuestion: (id, column, header, type, isPrivate, evidence) =>
      `- ${id} (colonne ${column}, ${quoted(header)}) : **${typeName(type)}**${isPrivate ? ', **privée**' : ''}, ${evidence}`,
    dropped: 'Questions disparues, et ce qui part avec elles',
    droppedQuestion: (id, header) =>
      `- question ${id} (${quoted(header)}) : aucune colonne cette année`,
    droppedSegment: (id, because) => `- segment ${id} : ${because}`,
    appliesToRemoved: (question, segment) =>
      `- question ${question} : posée au segment ${segment}, qui disparaît ; \`appliesTo\` retiré (sa base est désormais toute personne qui a répondu)`,
    droppedChart: (chart, article, because) =>
      `- graphique ${chart} (article ${article}) : retiré, il ${because}`,
    trimmedChart: (chart, article, segments) =>
      `- graphique ${chart} (article ${article}) : ${segments.length > 1 ? 'segments' : 'segment'} ${segments.join(', ')} retiré${segments.length > 1 ? 's' : ''}`,
    personal: 'Données personnelles',
    privateQuestion: (id, header) =>
      `- ${id} (${quoted(header)}) est marquée \`private: true\` : lue, jamais publiée, jamais dans free-text.csv`,
    noPersonal:
      'Aucune colonne ne ressemble à des données personnelles. Les adresses e-mail et numéros de téléphone saisis dans les réponses libres sont de toute façon masqués dans chaque sortie.',
    comparability: (previous) => `Ce qui ne se compare plus tel quel avec ${previous}`,
    comparabilityNone: (previous) =>
      `Chaque question se pose comme en ${previous} : leurs évolutions se comparent telles quelles.`,
    comparabilityLine: (id, changes) => `- ${id} : ${changes}`,
    changes: (previous, differences, definesGroups) =>
      [
        ...differences.map((d) => difference(d, previous)),
        ...(definesGroups && differences.some((d) => d.kind === 'added' || d.kind === 'removed')
          ? ['elle définit des groupes : leur composition change aussi']
          : []),
      ].join(' ; '),
    staleDecisions: (ids) =>
      `- Les décisions de comparabilité de l’an dernier (${ids.join(', ')}) portaient sur la comparaison avec l’édition d’avant : retirées.`,
    comparabilityTodo: (previous) =>
      `- Les évolutions des questions ci-dessus ne s’impriment pas tant que la rédaction n’a pas noté sa décision : dans edition.yaml, décommentez le bloc « comparability: » et dites pour chacune pourquoi la comparaison avec ${previous} garde un sens (la phrase est imprimée dans l’encadré de méthodologie), ou n’écrivez pas d’évolution pour elle`,
    yamlComparability: (previous, entries) => [
      ` Ce qui ne se compare plus tel quel avec ${previous} (noté par enquete init). Les évolutions`,
      ' de ces questions ne s’impriment pas tant que la rédaction n’a pas noté sa décision :',
      ' retirez les « # » et dites pourquoi la comparaison garde un sens (imprimé dans la méthodologie).',
      ' comparability:',
      ...entries.map((e) => `   ${e.id}: "…" # ${e.changes}`),
    ],
    todo: 'Ce qu’il vous reste à faire',
    doesNotRead: (n) => `- **L’édition ne se lit pas encore** (${plural(n, 'problème')}) :`,
    problem: (place, expected, found, fix) =>
      `  - ${place} : attendu ${expected}${found ? `, trouvé ${found}` : ''}. ${fix}`,
    rewrite:
      '- Réécrivez ces lignes : elles citent ce qui a disparu (`enquete build` s’arrête sur chacune) :',
    uses: (place, uses, text) => `  - ${place} cite ${uses} : \`${text}\``,
    checkNew: (id, hasOptions) =>
      `- Vérifiez la nouvelle question ${id} : son identifiant, son libellé${hasOptions ? ', les codes et libellés de ses options' : ''} ; écrivez sur elle et représentez-la si l’article le demande`,
    shortLabel: (id, code) =>
      `- Donnez à la nouvelle option ${id}.${code} un libellé court \`short:\` si les graphiques en ont besoin ; vérifiez les segments qui listent les réponses de ${id}`,
    checkShort: (id, code, to) =>
      `- Vérifiez le libellé court \`short:\` de ${id}.${code}, renommée ${quoted(to)}`,
    updateTexts:
      '- Mettez à jour les textes qui citent l’année ou la période de collecte (titres, chapeaux, corps des articles), les canaux de diffusion et l’échantillon s’ils ont changé',
    nextCommands: (check, build) =>
      `- Ensuite, depuis le dossier du projet : \`${check}\`, puis \`${build}\``,
    thenRun: 'Ensuite, depuis le dossier du projet :',
    reads: (kept, rows) =>
      `L’export se lit avec la nouvelle configuration : ${kept} réponses gardées sur ${rows}.`,
    chartUsed: (chart) => `le graphique ${quoted(chart)}`,
    segmentOnDropped: (question) => `défini sur la question disparue ${quoted(question)}`,
    chartOnDropped: (question) => `représente la question disparue ${quoted(question)}`,
    chartOnDroppedSegment: (segment) => `utilise le segment disparu ${quoted(segment)}`,
    evidencePersonal:
      'données personnelles (son intitulé ou ses réponses sont des adresses e-mail, des noms ou des numéros de téléphone) : lue, jamais publiée',
    evidenceNoAnswers: 'aucune réponse encore : prise comme texte libre',
    evidenceTimes: 'chaque réponse est une date et une heure',
    evidenceScale: (lo, hi, min, max) =>
      `des nombres entiers de ${lo} à ${hi} : une échelle de ${min} à ${max}`,
    evidenceYesNo: 'chaque réponse est « Oui » ou « Non »',
    evidenceSentences: (many, n) =>
      `${many ? 'des milliers de' : n} réponses différentes, des phrases plutôt que des choix : texte libre`,
    evidenceMultiple: (n, other) =>
      `${n} réponses, plusieurs par répondant (jointes par « , »)${other ? ', les plus rares en « Autre »' : ''}`,
    evidenceSingle: (n, percent, other) =>
      `${n} réponses données par ${percent} % des répondants${other ? ', les plus rares en « Autre »' : ''}`,
    evidenceText: (many, n) => `${many ? 'des milliers de' : n} réponses différentes : texte libre`,
  },

  init: {
    noExport: () => ({
      expected: 'le nouvel export Google Forms (CSV)',
      found: 'aucun fichier de ce nom',
      fix: 'Vérifiez le chemin donné à --responses.',
    }),
  },

  preview: {
    listening: (url) =>
      `\nAperçu de l’édition : ${url}\n  Les pages se rechargent à chaque enregistrement. Ctrl-C arrête l’aperçu.\n`,
    firstBuild: () => 'première fabrication',
    webReady: (why, took) => `${clock()}  ${why} : page web prête en ${took.replace('.', ',')}`,
    allReady: (took) => `${clock()}  tous les fichiers à jour en ${took.replace('.', ',')}`,
    failed: (why) => `${clock()}  ${why} : l’édition ne se fabrique pas`,
    unexpected: (message) =>
      `Erreur inattendue : ${message}\nEnregistrez de nouveau ; si elle persiste, arrêtez l’aperçu et lancez npx enquete build <dossier> --debug.`,
    watchFailed: (message) =>
      `La surveillance de l’édition s’est arrêtée : ${message}. Relancez l’aperçu.`,
    status: (ok) => (ok ? 'À jour' : 'L’édition ne se fabrique pas'),
    desk: {
      lang: 'fr',
      title: 'Aperçu enquête',
      web: 'Article web',
      print: 'Impression (PDF)',
      newsletter: (width) => `Lettre d’information, ${width} px`,
      tables: 'Tableaux',
      workbook: 'télécharger le classeur (.xlsx)',
      problem: 'L’édition ne se fabrique pas : la dernière version correcte reste affichée.',
      open: 'ouvrir',
    },
  },
};

/** The kinds of figure, with their article, as the messages name them. */
function kindName(kind: string): string {
  const names: Record<string, string> = {
    share: 'une part',
    mean: 'une moyenne',
    count: 'un effectif',
    date: 'une date',
    change: 'une évolution',
  };
  return names[kind] ?? kind;
}
