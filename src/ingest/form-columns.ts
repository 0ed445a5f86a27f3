/**
 * The columns a form writes of its own beside the answers, and how it joins
 * the boxes checked in one cell. Google Forms opens its export with
 * « Horodateur » (« Timestamp » in English), the time each response was
 * sent, and joins answers with ", ". Microsoft Forms opens with ID, start
 * and completion times, the respondent's e-mail and name (« anonymous » and
 * blank when the form asks for neither) and, lately, the last modification
 * time, headed in the language of the account that exported it, and joins
 * answers with ";". Ingest reads each column's cells as its form wrote them
 * (response-reader.ts), from a workbook or a CSV alike; init makes the
 * completion time the response's timestamp, the ID and the other times
 * metadata, the e-mail and the name private questions.
 */
import { sameText } from '../text.js';
import { GOOGLE_JOIN, MICROSOFT_JOIN } from './cells.js';

/** What one of a form's own columns is to the survey. */
export type FormColumn =
  /** Not an answer: an identifier, a time other than the response's. */
  | 'metadata'
  /** When the response was sent: the edition's timestamp question. */
  | 'responseTime'
  /** The respondent's e-mail address or name: a private question. */
  | 'personal';

export interface FormSource {
  form: 'google' | 'microsoft' | null;
  /** How the export joins several answers in one cell. */
  join: string;
  /** Each column's role when it is one of the form's own, else null. */
  columns: (FormColumn | null)[];
}

/** Microsoft Forms' own columns, by their French and English headers. */
const MICROSOFT: readonly [FormColumn, readonly string[]][] = [
  ['metadata', ['ID']],
  ['metadata', ['Heure de début', 'Start time']],
  ['responseTime', ['Heure de fin', 'Completion time']],
  ['personal', ['Adresse de messagerie', 'Email']],
  ['personal', ['Nom', 'Name']],
  ['metadata', ['Heure de la dernière modification', 'Last modified time']],
];

/** What Microsoft Forms writes in the e-mail column when the form asks for none: no answer. */
export const MICROSOFT_NO_ANSWER = 'anonymous';

/** Google Forms' first column. */
const GOOGLE_TIME = ['Horodateur', 'Timestamp'];

function microsoftRole(header: string): FormColumn | null {
  return MICROSOFT.find(([, headers]) => headers.some((h) => sameText(h, header)))?.[0] ?? null;
}

/**
 * Which form wrote the export, from its header: Google's when it opens with
 * « Horodateur » or « Timestamp » (whatever its questions are called: a
 * survey may well ask a start and an end time); else Microsoft's when it has
 * the ID, a start and a completion time.
 */
export function formSource(header: readonly string[]): FormSource {
  const google = GOOGLE_TIME.some((h) => sameText(h, header[0] ?? ''));
  const has = (name: string) => header.some((h) => sameText(h, name));
  const microsoft =
    !google &&
    has('ID') &&
    (has('Heure de début') || has('Start time')) &&
    (has('Heure de fin') || has('Completion time'));
  if (microsoft)
    return { form: 'microsoft', join: MICROSOFT_JOIN, columns: header.map(microsoftRole) };
  return {
    form: google ? 'google' : null,
    join: GOOGLE_JOIN,
    columns: header.map((_, i) => (google && i === 0 ? 'responseTime' : null)),
  };
}
