// Prints "word<TAB>langs" for the stop words of the configured languages,
// lower-case letters and apostrophes only, sorted; langs lists every
// language whose list holds the word.
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const lists = require("stopwords-iso/stopwords-iso.json");
const langs = ["en", "es", "fr", "de", "it", "pt", "nl"];
// Words every language uses in chat, and the English list's two-letter
// country codes, say nothing about a message's language.
const shared = new Set(["ok", "okay", "www", "http", "https", "com", "org", "net", "email", "mail", "app", "id", "pin", "wifi", "online", "web", "info"]);
const by = new Map();
for (const l of langs) {
  for (const w of lists[l]) {
    const k = w.toLowerCase();
    if (k.length < 2 || !/^[\p{L}']+$/u.test(k) || shared.has(k)) continue;
    if (l === "en" && k.length === 2 && !["am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"].includes(k)) continue;
    if (!by.has(k)) by.set(k, new Set());
    by.get(k).add(l);
  }
}
const out = [...by.keys()].sort().map((k) => k + "\t" + [...by.get(k)].sort().join(","));
console.log(out.join("\n"));
