/**
 * The preview's builds, kept in memory: the outputs by name, the analysis
 * while the config and the export are unchanged, the last problem. A change
 * rebuilds in two steps: first the composition and the web pages (what the
 * editor is reading: a text edit shows in a fraction of a second), then
 * every other output (print PDF, newsletter, cards, edition files; the
 * workbook, slow to make, only when it is downloaded). Charts and PNGs are
 * remembered by the worker, so only what changed is drawn. A newer change
 * makes an unfinished older build's results void.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay, setImmediate as setImmediatePromise } from 'node:timers/promises';
import type { Analysed } from '../analyse.js';
import type { SvgJob } from '../charts/draw.js';
import { type Composed, composeArticles, editionBuildOf } from '../compose/compose.js';
import { formatError, isExpectedError, type Problem, UsageError } from '../errors.js';
import { formatMs, formatWarnings, type Log, silentLog } from '../log.js';
import { preview as say } from '../messages/index.js';
import type { ArticleBuild, ArticleRecipe, EditionBuild, Tools } from '../outputs/recipe.js';
import { onRequestRecipe, runRecipes } from '../outputs/run.js';
import type { OutputFile } from '../outputs/write.js';
import { frenchText } from '../publication/french.js';
import type { DrawingWorker } from '../worker/client.js';
import { hashOf, Memo } from '../worker/memo.js';
import type { Update } from './live.js';

/** What a change touches: the data (config, export: analysed again) or only the text (articles, templates). */
export type Touched = 'data' | 'text';

export interface SessionOptions {
  editionFolder: string;
  article?: string;
  /** The preview's own address: the newsletter's images load from it. */
  baseUrl: string;
}

/** How long the open pages have to fetch their new version before the other outputs are made. */
const PAGES_FIRST_MS = 150;

export class PreviewSession {
  readonly files = new Map<string, string | Uint8Array>();
  error: string | null = null;
  /** The articles built, in the edition's order (for the desk). */
  articles: { slug: string; title: string }[] = [];
  private analysed: Analysed | undefined;
  private generation = 0;
  /** The other outputs of the latest builds, in turn: a build's second step waits for the one before. */
  private others: Promise<void> = Promise.resolve();
  /** Charts drawn, by the hash of their spec and data: only a chart whose data or text changed is drawn again. */
  private readonly drawn = new Memo<string[]>(500);
  /** Each recipe's last files for each article, with the hash of what they were made from. */
  private readonly made = new Map<string, { from: string; files: OutputFile[] }>();
  /** This preview's own run: a page kept open across a restart on the same port was served by another. */
  private readonly run = randomBytes(4).toString('hex');
  /** How many times files were published in this run. */
  private publishes = 0;
  /** When each file last changed, as the count of publishes then. */
  private readonly changedAt = new Map<string, number>();
  /** The warnings last said in the terminal: said again only when they change. */
  private warned = '';
  /**
   * The edition of the last build whose every output is served, and the
   * files made from it on request (the workbook), by recipe.
   */
  private served:
    | { edition: EditionBuild; tools: Tools; made: Map<string, Promise<OutputFile[]>> }
    | undefined;

  constructor(
    private readonly options: SessionOptions,
    private readonly tools: { worker: DrawingWorker; chromium: Tools['chromium'] },
    private readonly send: (update: Update) => void,
    private readonly log: Log,
  ) {}

  /** The worker's drawing, for the charts not drawn before (it may be busy with the previous build's PNGs). */
  private readonly drawings = {
    svgs: async (jobs: SvgJob[]): Promise<string[][]> => {
      const keys = jobs.map(hashOf);
      const known = keys.map((k) => this.drawn.get(k));
      const missing = jobs.filter((_, i) => known[i] === undefined);
      const made = missing.length > 0 ? await this.tools.worker.svgs(missing) : [];
      let next = 0;
      return known.map((k, i) => k ?? this.drawn.set(keys[i] as string, made[next++] as string[]));
    },
  };

  /**
   * Build again after a change; resolves once the web pages are served (the
   * rest follows), with the failure if the edition does not build.
   */
  async rebuild(touched: Touched, why: string): Promise<unknown> {
    const generation = ++this.generation;
    const started = performance.now();
    if (touched === 'data') this.analysed = undefined;
    let composed: Composed;
    const tools: Tools = {
      chromium: this.tools.chromium,
      offload: this.tools.worker,
      log: silentLog,
    };
    try {
      composed = await composeArticles(
        {
          editionFolder: this.options.editionFolder,
          article: this.options.article,
          baseUrl: this.options.baseUrl,
        },
        this.drawings,
        silentLog,
        { analysed: this.analysed },
      );
      if (generation !== this.generation) return;
      this.analysed = composed.analysed;
      this.articles = composed.builds.map((b) => ({
        slug: b.article.slug,
        title: frenchText(b.article.title),
      }));
      const first = await runRecipes(composed.builds, editionBuildOf(composed), tools, {
        phase: 'first',
      });
      if (generation !== this.generation) return;
      this.publish(first, say.webReady(why, formatMs(performance.now() - started)));
      this.sayWarnings(composed.warnings);
    } catch (e) {
      if (generation === this.generation) this.fail(e, why);
      return e;
    }
    // One build's other outputs at a time: saves in a row never pile up prints; a stale one is skipped.
    this.others = this.others.then(() => this.rest(composed, tools, generation, started, why));
    return undefined;
  }

  /**
   * Every output but the web pages; void if a newer change came meanwhile.
   * It starts once the open pages have had time to fetch their new version,
   * and gives way to requests between pages: rendering a page holds the
   * thread that answers them.
   */
  private async rest(
    composed: Composed,
    tools: Tools,
    generation: number,
    started: number,
    why: string,
  ): Promise<void> {
    const stale = () => generation !== this.generation;
    try {
      await delay(PAGES_FIRST_MS);
      if (stale()) return;
      const edition = editionBuildOf(composed);
      const files = await runRecipes(composed.builds, edition, tools, {
        phase: 'rest',
        printEdition: false,
        skipOnRequest: true,
        make: (recipe, page, build) => this.madeOnce(recipe, page, build, tools),
        // Rendering a page holds the thread that answers requests: let them in between pages.
        between: async () => {
          await setImmediatePromise();
          if (stale()) throw new Stale();
        },
      });
      if (stale()) return;
      this.served = { edition, tools, made: new Map() };
      this.publish(files, say.allReady(formatMs(performance.now() - started)));
    } catch (e) {
      if (!stale() && !(e instanceof Stale)) this.fail(e, why);
    }
  }

  /**
   * A file made only when it is asked for (the workbook), from the edition
   * whose other outputs are served once the builds under way are over;
   * undefined when no recipe makes it on request or nothing built yet.
   */
  async onRequest(name: string): Promise<string | Uint8Array | undefined> {
    const recipe = onRequestRecipe(name);
    if (!recipe) return undefined;
    await this.others;
    const served = this.served;
    if (!served) return undefined;
    let made = served.made.get(recipe.id);
    if (!made) {
      made = recipe.files(served.edition, served.tools);
      served.made.set(recipe.id, made);
      // A failure is said to the request, and the next request tries again.
      made.catch(() => served.made.delete(recipe.id));
    }
    return (await made).find((f) => f.name === name)?.content;
  }

  /**
   * A recipe's files for an article, made again only when what they are made
   * from changed: its page, its charts (drawings, titles, notes, tables), its
   * dek and key figures (what the cards show, which have no page), the
   * theme, the edition's and the article's settings. A text edit in one
   * article prints that one.
   */
  private madeOnce(
    recipe: ArticleRecipe,
    page: string,
    b: ArticleBuild,
    tools: Tools,
  ): Promise<OutputFile[]> {
    const from = hashOf([
      page,
      b.charts,
      b.context.dek,
      b.keyFigures,
      b.context.theme,
      b.baseUrl,
      b.edition.config.edition,
      b.article,
    ]);
    const id = `${recipe.id}/${b.article.slug}`;
    const last = this.made.get(id);
    if (last?.from === from) return Promise.resolve(last.files);
    return recipe.files(page, b, tools).then((files) => {
      this.made.set(id, { from, files });
      return files;
    });
  }

  /** Serve the new files, and tell the open pages which ones changed. */
  private publish(files: OutputFile[], status: string): void {
    const changed = files
      .filter((f) => !sameContent(this.files.get(f.name), f.content))
      .map((f) => f.name);
    for (const f of files) this.files.set(f.name, f.content);
    this.publishes++;
    for (const name of changed) this.changedAt.set(name, this.publishes);
    const recovered = this.error !== null;
    this.error = null;
    this.log.info(status);
    if (changed.length > 0 || recovered) this.send({ changed, error: null, status });
  }

  /**
   * What a served page and each event carry (`<run>.<publishes>`): the page's
   * events start with what changed since its version, and a reconnecting
   * stream says the last it got (Last-Event-ID).
   */
  get version(): string {
    return `${this.run}.${this.publishes}`;
  }

  /**
   * The files changed after a version: what a page served then missed, if
   * it was saved before the page's events connected (or while they were
   * cut). A version of another run, or none, misses every file.
   */
  changedSince(version: string): string[] {
    const [run, count = ''] = version.split('.');
    if (run !== this.run || !/^\d+$/.test(count)) return [...this.files.keys()];
    const since = Number(count);
    return [...this.changedAt].filter(([, at]) => at > since).map(([name]) => name);
  }

  /** What the new data may have broken, in the terminal as the build says it, when it changed. */
  private sayWarnings(warnings: readonly Problem[]): void {
    const text = warnings.length > 0 ? formatWarnings(warnings) : '';
    if (text !== this.warned && text !== '') this.log.info(text);
    this.warned = text;
  }

  private fail(e: unknown, why: string): void {
    // The command line's own mistake (an unknown --article): the caller stops and says it.
    if (e instanceof UsageError) return;
    const text = isExpectedError(e)
      ? formatError(e)
      : say.unexpected(e instanceof Error ? e.message : String(e));
    this.error = text;
    this.log.info(`${say.failed(why)}\n${text}\n`);
    this.send({ changed: [], error: text, status: say.failed(why) });
  }
}

/** A run given up because a newer change came (the preview's rest phase). */
class Stale extends Error {}

function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
