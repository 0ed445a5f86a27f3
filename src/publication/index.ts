/**
 * The publication's words: every sentence and label readers see that the
 * code writes (fr.ts), and its typography (french.ts). The code asks for a
 * text by its place, e.g. `publication.charts.ranked_options.measure`.
 *
 * French is the only publication language today, so `publication` is the
 * French catalogue. Another one (an `en.ts` for an English publication) is
 * typed `Publication`, so the compiler checks it has every text, with the
 * same values.
 *
 * This module sits below analysis/, charts/, render/ and outputs/: it
 * imports nothing but its own files. (The command's messages to editors are
 * another catalogue: src/messages/.)
 */
import { fr } from './fr.js';

export type { Difference, DifferenceOf } from './difference.js';

/** The shape every publication catalogue has: the French one's. */
export type Publication = typeof fr;

/** The catalogue the outputs are written in: French, the only publication language today. */
export const publication: Publication = fr;
