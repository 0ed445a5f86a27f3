import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/charts/kinds/index.js';
import { type CheckedConfigs, checkedBefore } from '../../src/edition/checked-config.js';
import { loadEdition } from '../../src/edition/load.js';
import { InputError } from '../../src/errors.js';
import { scratch } from '../helpers/scratch.js';

const KINDS = new URL('../../src/charts/kinds/index.ts', import.meta.url);

/** The 2024 edition's config in a folder of its own, and an empty cache. */
function setUp(): { folder: string; checked: CheckedConfigs } {
  const folder = scratch('checked');
  cpSync('data/2024/edition.yaml', path.join(folder, 'edition.yaml'));
  return { folder, checked: { folder: path.join(folder, 'cache'), kinds: KINDS } };
}

const entries = (checked: CheckedConfigs) =>
  readdirSync(checked.folder).filter((name) => name.startsWith('config-'));

describe('configs checked before', () => {
  it('are read back as they were checked, and located by their text alone', async () => {
    const { folder, checked } = setUp();
    let loadedKinds = 0;
    const kinds = async () => {
      loadedKinds++;
      return CHART_KINDS;
    };
    const first = await loadEdition(folder, kinds, { checked });
    expect(entries(checked)).toHaveLength(1);
    const second = await loadEdition(folder, kinds, { checked });
    // Checked once: the second load neither checks nor loads the chart kinds' schemas.
    expect(loadedKinds).toBe(1);
    expect(second.config).toStrictEqual(first.config);
    expect(second.locate(['edition', 'previous'])).toEqual(first.locate(['edition', 'previous']));
    expect(second.locate(['questions', 3, 'options'])).toEqual(
      first.locate(['questions', 3, 'options']),
    );
  });

  it('are keyed on the text: a changed config is checked again, and a wrong one never kept', async () => {
    const { folder, checked } = setUp();
    const file = path.join(folder, 'edition.yaml');
    await loadEdition(folder, CHART_KINDS, { checked });
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n# a comment\n`);
    await loadEdition(folder, CHART_KINDS, { checked });
    expect(entries(checked)).toHaveLength(2);

    const wrong = text.replace(/timezone: .*/, 'timezone: 12');
    writeFileSync(file, wrong);
    await expect(loadEdition(folder, CHART_KINDS, { checked })).rejects.toBeInstanceOf(InputError);
    expect(checkedBefore(wrong, checked)).toBeUndefined();
    expect(entries(checked)).toHaveLength(2);
  });

  it('are keyed on what checks them: other chart kinds, another key', async () => {
    const { folder, checked } = setUp();
    await loadEdition(folder, CHART_KINDS, { checked });
    const text = readFileSync(path.join(folder, 'edition.yaml'), 'utf8');
    expect(checkedBefore(text, checked)).toBeDefined();
    const otherKinds = new URL('../../src/charts/kind.ts', import.meta.url);
    expect(checkedBefore(text, { ...checked, kinds: otherKinds })).toBeUndefined();
  });

  it('are an entry that cannot be read: checked again', async () => {
    const { folder, checked } = setUp();
    await loadEdition(folder, CHART_KINDS, { checked });
    const [entry] = entries(checked);
    writeFileSync(path.join(checked.folder, entry as string), 'not a config');
    const again = await loadEdition(folder, CHART_KINDS, { checked });
    expect(again.config.edition.id).toBe('2024');
  });
});
