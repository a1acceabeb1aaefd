/**
 * Text made safe to place where HTML is read, as text: the Atom feed's entries are
 * `type="html"` (the feed library writes no other type), so commit subjects and file
 * names would otherwise be live markup in a feed reader. Escaping `>` also keeps
 * `]]>` from closing the CDATA section the library wraps them in.
 */
export const htmlText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
