/** Every medium a page can be made for, by name. Adding one: a file in this folder and one line here. */
import type { Medium, MediumName } from './medium.js';
import { newsletterMedium } from './newsletter.js';
import { printMedium } from './print.js';
import { webMedium } from './web.js';

export type { ChartPlace, Medium, MediumName } from './medium.js';

export const MEDIA: Readonly<Record<MediumName, Medium>> = {
  print: printMedium,
  web: webMedium,
  newsletter: newsletterMedium,
};
