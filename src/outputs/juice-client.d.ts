/**
 * juice's own entry without its resource fetcher (web-resource-inliner, for
 * juiceResources, which the e-mail never calls): the same juice() function,
 * and only that (juiceFile, juiceResources and the rest are the main entry's).
 */
declare module 'juice/client.js' {
  import type { Options } from 'juice';

  function juice(html: string, options?: Options): string;
  export default juice;
}
