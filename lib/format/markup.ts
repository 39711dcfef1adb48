// Markup as strings, for the few places where a page writes hundreds of small elements that never
// change in the browser: a weekly chart's bars and its table's rows. The components hand such a
// string to React as the inner HTML of one element. As React elements each mark was rendered on
// the server twice (the page's HTML, and its RSC payload, where each element is a JSON array of its
// props): /cameras's first render took about 100 ms at the large-city profile, mostly that. As
// markup each is written once, as the browser reads it, and the DOM the browser builds is the same.
//
// Everything that goes in is escaped: text and attribute values through `escapeHtml`, element and
// attribute names checked against a plain pattern, and inner content only as `Markup` this module
// made. So nothing a vendor's export or a published label holds can open an element of its own.

declare const brand: unique symbol;
/** A string of markup built by this module (never by hand). */
export type Markup = string & { readonly [brand]: true };

export type Attrs = Record<string, string | number | null | undefined>;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/**
 * Text made safe as element content or inside a quoted attribute value, with the entities React
 * writes, so what reads a page's text (the leak checks among them) reads this the same way.
 */
export function escapeHtml(v: string | number): string {
  return String(v).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Text as markup: escaped. */
export function text(v: string | number): Markup {
  return escapeHtml(v) as Markup;
}

/** Pieces of markup as one. */
export function join(parts: Markup[]): Markup {
  return parts.join("") as Markup;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

function open(name: string, attrs: Attrs): string {
  if (!NAME.test(name)) throw new Error(`Not an element name: ${name}`);
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (!NAME.test(k)) throw new Error(`Not an attribute name: ${k}`);
    // Single quotes: the RSC payload carries this markup inside a JSON string, where each double
    // quote would cost a backslash.
    out += ` ${k}='${escapeHtml(v)}'`;
  }
  return out;
}

/** An HTML element: `<td data-label='Week'>12</td>`. Attributes that are null or undefined are left out. */
export function htmlElement(name: string, attrs: Attrs, inner: Markup = "" as Markup): Markup {
  return `${open(name, attrs)}>${inner}</${name}>` as Markup;
}

/**
 * An SVG element: `<rect x='1%' y='2'/>` when empty (inside SVG a browser's HTML parser honours the
 * self-closing slash, which saves each of hundreds of bars its end tag).
 */
export function svgElement(name: string, attrs: Attrs, inner: Markup = "" as Markup): Markup {
  return (inner ? `${open(name, attrs)}>${inner}</${name}>` : `${open(name, attrs)}/>`) as Markup;
}
