/**
 * juice's own entry without its resource fetcher (web-resource-inliner, for
 * juiceResources, which the e-mail never calls): the same juice() function.
 */
declare module 'juice/client.js' {
  import juice = require('juice');
  export = juice;
}
