/**
 * `string-width` as yargs' help layout imports it, with its Unicode tables (an `Intl.Segmenter` and a
 * `\p{RGI_Emoji}` regex, ~20 ms together) built on the first measurement instead of at every start-up:
 * most runs never print help. The bundle aliases `string-width` here (scripts/cli-bundle-options.mjs).
 */
type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

let real: StringWidth | undefined;

export default function stringWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  // A require (not an import) is what makes esbuild initialise the module on first call.
  real ??= (require('../../node_modules/string-width/index.js') as { default: StringWidth }).default;
  return real(text, options);
}
