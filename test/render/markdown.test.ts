import Handlebars, { type HelperOptions } from 'handlebars';
import { describe, expect, it } from 'vitest';
import { MarkdownProblem, markdownToTemplate } from '../../src/render/markdown.js';

/** The template rendered with stand-in helpers: each prints its first argument, or the words given. */
function render(markdown: string, context: object = {}, prints = (id: string) => `[${id}]`) {
  const hbs = Handlebars.create();
  hbs.registerHelper('pct', (id: string) => prints(id));
  hbs.registerHelper('chart', (id: string) => new Handlebars.SafeString(`<figure>${id}</figure>`));
  hbs.registerHelper('yes', () => true);
  hbs.registerHelper('no', () => false);
  hbs.registerHelper('keyFigures', function (this: unknown, options: HelperOptions) {
    return new Handlebars.SafeString(`<ul class="key-figures">${options.fn(this)}</ul>`);
  });
  hbs.registerHelper('keyFigure', function (this: unknown, n: string, options: HelperOptions) {
    return new Handlebars.SafeString(`<li><strong>${n}</strong> ${options.fn(this)}</li>`);
  });
  return hbs.compile(markdownToTemplate(markdown).template, { strict: true })(context);
}

describe('an article in Markdown', () => {
  it('keeps figure ids away from Markdown and helpers’ output away from it too', () => {
    const html = render(
      'Les **radiologues** : {{pct "usage.oui.share.radiologues_liberaux"}}.\n',
      {},
      () => '*non* <b>',
    );
    expect(html).toBe('<p>Les <strong>radiologues</strong> : *non* &lt;b&gt;.</p>\n');
  });

  it('shows typed HTML as text, never as markup', () => {
    expect(render('<script>alert(1)</script> <p>texte</p>\n')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;p&gt;texte&lt;/p&gt;</p>\n',
    );
  });

  it('writes headings, lists, emphasis and links, with a helper inside a link', () => {
    const html = render('## Titre {{pct "a"}}\n\n- un\n- _deux_\n\n[le site]({{url}})\n', {
      url: 'https://exemple.fr/a?b=1&c=2',
    });
    expect(html).toBe(
      '<h2>Titre [a]</h2>\n<ul>\n<li>un</li>\n<li><em>deux</em></li>\n</ul>\n<p><a href="https://exemple.fr/a?b&#x3D;1&amp;c&#x3D;2">le site</a></p>\n',
    );
  });

  it('lets a condition span whole paragraphs, leaving no paragraph open or empty', () => {
    const markdown = [
      '{{#if (yes)}}',
      '',
      'Premier cas.',
      '',
      'Suite du premier cas.',
      '{{else}}',
      'Second cas.',
      '{{/if}}',
      '',
      '{{#if (no)}}Jamais.{{/if}}',
      '',
    ].join('\n');
    const template = markdownToTemplate(markdown).template;
    expect(template).toBe(
      '{{#if (yes)}}\n<p>Premier cas.</p>\n<p>Suite du premier cas.</p>\n{{else}}\n<p>Second cas.</p>\n{{/if}}\n<p>{{#if (no)}}Jamais.{{/if}}</p>\n',
    );
  });

  it('keeps a condition on its own lines inside its paragraph when it opens and closes there', () => {
    const markdown = [
      'Début de la phrase.',
      '{{#if (yes)}}',
      'Oui.',
      '{{else if (no)}}',
      'Non.',
      '{{/if}}',
      'Fin.',
      '',
    ].join('\n');
    expect(markdownToTemplate(markdown).template).toBe(
      '<p>Début de la phrase.\n{{#if (yes)}}\nOui.\n{{else if (no)}}\nNon.\n{{/if}}\nFin.</p>\n',
    );
    expect(render(markdown)).toBe('<p>Début de la phrase.\nOui.\nFin.</p>\n');
  });

  it('keeps a condition that ends its paragraph inside it', () => {
    const markdown = 'Une phrase.\n{{#if (yes)}}\nOui.\n{{else}}\nNon.\n{{/if}}\n\nSuite.\n';
    expect(render(markdown)).toBe('<p>Une phrase.\nOui.\n</p>\n<p>Suite.</p>\n');
  });

  it('keeps a condition around list items outside the list’s markup', () => {
    const markdown = 'Intro :\n\n{{#if (no)}}\n- a\n{{else}}\n- b\n{{/if}}\n';
    expect(render(markdown)).toBe('<p>Intro :</p>\n<ul>\n<li>b</li>\n</ul>\n');
  });

  it('takes a chart out of the paragraph its line is in', () => {
    expect(render('Texte.\n{{chart "x"}}\nSuite.\n')).toBe(
      '<p>Texte.</p>\n<figure>x</figure>\n<p>Suite.</p>\n',
    );
  });

  it('reads a key-figures block named with a capital, and whitespace control on its figure', () => {
    expect(render('```Chiffres-clés\n{{~pct "a"~}} bien\n```\n')).toBe(
      '<ul class="key-figures"><li><strong>[a]</strong> bien</li>\n</ul>',
    );
  });

  it('puts a chart on its own, not inside a paragraph', () => {
    expect(render('Avant.\n\n{{chart "freins"}}\n\nAprès.\n')).toBe(
      '<p>Avant.</p>\n<figure>freins</figure>\n<p>Après.</p>\n',
    );
  });

  it('sets French quotes and apostrophes', () => {
    expect(render('L\'IA, dit-il, est "utile".\n')).toBe('<p>L’IA, dit-il, est « utile ».</p>\n');
  });

  it('makes each line of a key-figures block a key figure: its first helper, then its sentence', () => {
    const markdown = [
      '```chiffres-clés',
      '{{pct "usage.oui.share.radiologues"}} d\'entre eux utilisent _l\'IA_',
      '- {{pct "respondents.count.all"}} répondants',
      '```',
      '',
    ].join('\n');
    expect(render(markdown)).toBe(
      '<ul class="key-figures"><li><strong>[usage.oui.share.radiologues]</strong> d’entre eux utilisent <em>l’IA</em></li>\n<li><strong>[respondents.count.all]</strong> répondants</li>\n</ul>',
    );
  });

  it('locates a key-figures line that does not start with its figure', () => {
    const markdown = 'Texte.\n\n```chiffres-clés\n{{pct "a"}} bien\n  81 % à la main\n```\n';
    try {
      markdownToTemplate(markdown);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MarkdownProblem);
      expect((e as MarkdownProblem).at).toEqual({ line: 5, column: 2 });
      expect((e as MarkdownProblem).found).toBe('81 % à la main');
    }
    try {
      markdownToTemplate('```chiffres-clés\nPlus de {{pct "a"}} tapé\n```\n');
      expect.unreachable();
    } catch (e) {
      // As the editor wrote it, helper calls and all.
      expect((e as MarkdownProblem).found).toBe('Plus de {{pct "a"}} tapé');
    }
  });

  it('places every helper call where it was written in the Markdown', () => {
    const markdown = [
      '{{!-- Un commentaire',
      '  sur deux lignes. --}}',
      '```chiffres-clés',
      '{{pct "k"}} clé',
      '```',
      '',
      '# Titre',
      '',
      'Un *mot*, {{pct "a"}} et',
      '  {{pct "b"}} ; {{#if (yes)}}oui{{/if}}',
      '',
      '{{chart "c"}}',
      '',
    ].join('\n');
    const made = markdownToTemplate(markdown);
    const seen: Record<string, { line: number; column: number }> = {};
    const hbs = Handlebars.create();
    const record = (...args: unknown[]) => {
      const options = args.at(-1) as HelperOptions & {
        loc: { start: { line: number; column: number } };
      };
      seen[String(args[0])] = made.placeOf(options.loc.start);
      return '';
    };
    hbs.registerHelper('pct', record);
    hbs.registerHelper('chart', record);
    hbs.registerHelper('yes', () => true);
    hbs.registerHelper('keyFigures', (options: HelperOptions) => options.fn({}));
    hbs.registerHelper('keyFigure', (_n: unknown, options: HelperOptions) => options.fn({}));
    hbs.compile(made.template)({});
    const at = (line: number, text: string) => ({
      line,
      column: (markdown.split('\n')[line - 1] as string).indexOf(text),
    });
    expect(seen).toEqual({
      k: at(4, '{{pct "k"}}'),
      a: at(9, '{{pct "a"}}'),
      b: at(10, '{{pct "b"}}'),
      c: at(12, '{{chart'),
    });
  });
});
