/**
 * One parse of a template's text for all its readers: the trees given are
 * Handlebars' own, and compiling from one renders what compiling the text
 * renders, whitespace control included.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { templateTree } from '../../src/render/template-tree.js';

/** Standalone blocks, `~` on either side, a comment, a partial-free else: what whitespace control acts on. */
const TEXT = [
  '<p>Avant</p>',
  '{{#if shown}}',
  '  <p>{{name}} : {{~ count ~}} </p>',
  '{{else}}',
  '  <p>rien</p>',
  '{{/if}}',
  '{{!-- une note --}}',
  '{{#each items}}',
  '  - {{this}}',
  '{{/each}}',
  '<p>{{  name  }}</p>',
  '  {{~#if shown~}}',
  '    serré',
  '  {{~/if~}}  ',
  '  {{#unless shown}}',
  '    {{#if count}}',
  '      imbriqué',
  '    {{/if}}',
  '  {{/unless}}',
  '  {{> note}}',
  '<p>{{join "a" name}} {{join (join "b" "c") "d"}}</p>',
  '',
].join('\n');

/** A partial and a helper with parameters: what the compiler marks in the tree (context, paths). */
const environment = () => {
  const hbs = Handlebars.create();
  hbs.registerPartial('note', '<em>{{name}}</em>\n');
  hbs.registerHelper('join', (a: unknown, b: unknown) => `${a}${b}`);
  return hbs;
};

/** A tree as plain data: its places are objects of another class in Handlebars' own. */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree));

describe('the tree of a template, parsed once', () => {
  it("is Handlebars.parse's tree, the same for every reader", () => {
    const text = `${TEXT}\n<!-- readers -->`;
    const tree = templateTree(text);
    expect(plain(tree)).toEqual(plain(Handlebars.parse(text)));
    expect(templateTree(text)).toBe(tree);
  });

  it('compiles to what the text compiles to, twice over, whitespace control and all', () => {
    const text = `${TEXT}\n<!-- compiled -->`;
    const options = { strict: true, preventIndent: true };
    const context = { shown: true, name: 'Radiologues', count: 75, items: ['a', 'b'] };
    const fromText = environment().compile(text, options);
    // The second compile meets a tree the first has processed and marked.
    for (const fromTree of [0, 1].map(() => environment().compile(templateTree(text), options))) {
      expect(fromTree(context)).toBe(fromText(context));
      expect(fromTree({ ...context, shown: false })).toBe(fromText({ ...context, shown: false }));
    }
    // What the readers visit is still Handlebars.parse's tree, its texts and places: only marks
    // no reader reads differ (the compiler's strict and falsy paths, a partial's context given
    // as its parameter, whitespace control's note of a strip).
    const marks = new Set(['strict', 'falsy', 'leftStripped', 'rightStripped']);
    const unmarked = (tree: unknown) =>
      JSON.parse(
        JSON.stringify(tree, function (this: { type?: string }, k, v) {
          const context = k === 'params' && this.type === 'PartialStatement';
          return marks.has(k) || context ? undefined : v;
        }),
      );
    expect(unmarked(templateTree(text))).toEqual(unmarked(Handlebars.parse(text)));
  });

  it("throws Handlebars' own error on a syntax error, and remembers nothing of it", () => {
    const text = '<p>{{#if shown}}ouvert</p>';
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const expected = message(() => Handlebars.parse(text));
    expect(expected).toMatch(/Parse error/);
    expect(message(() => templateTree(text))).toBe(expected);
    // Asked again, it fails again: no tree was kept for the text.
    expect(message(() => templateTree(text))).toBe(expected);
  });
});
