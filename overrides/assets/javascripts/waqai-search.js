/* Waqai search: Arabic-aware, one index per language, fetched in small pieces.
 *
 * Three parts, top to bottom:
 *   fold / tokens  a port of waqai.arabic.fold and the query split; must give the
 *                  same strings as Python (tests/test_search_fold.py compares them)
 *   search         reads search/<lang>/ as written by waqai.search.index and
 *                  answers like waqai.search.query (the Python mirror)
 *   UI             answers the search box in the page's HTML
 *                  (partials/waqai/search.html), in the page's language; on a
 *                  volume of an archive, in the volume or (its checkbox) the archive
 *
 * Under Node (the fold test) only the first two parts are set up.
 */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- fold */

  var FOLD = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", // أ إ آ ٱ -> ا
    "\u0624": "\u0648", // ؤ -> و
    "\u0626": "\u064A", // ئ -> ي
    "\u0649": "\u064A", // ى -> ي
    "\u0629": "\u0647", // ة -> ه
    "\u06CC": "\u064A", // Persian yeh -> ي
    "\u06A9": "\u0643"  // Persian keheh -> ك
  };
  for (var n = 0; n < 10; n++) {
    FOLD[String.fromCharCode(0x0660 + n)] = String(n); // Arabic-Indic digits
    FOLD[String.fromCharCode(0x06F0 + n)] = String(n); // extended (Persian) digits
  }
  var FOLD_CHARS = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  // Harakat, superscript alef and Quranic marks (nonspacing marks of these
  // ranges), small waw and small yeh; tatweel; format characters.
  var MARKS = /[\u06E5\u06E6\u0640\p{Cf}]|(?=\p{Mn})[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/gu;
  // Python's str.isspace() set, so whitespace collapses as it does there.
  var SPACES = /[\t-\r\x1C-\x20\x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
  var ACCENTS = /[\u0300-\u036F]/g;
  // arabic.APOSTROPHES: nothing inside a Latin word (Qur’an = Quran), a word break elsewhere.
  var APOSTROPHES = "'\u2018\u2019\u201B\u02BC\u02BB\u2032`\u02BE\u02BF";
  var LATIN = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF";
  var IN_LATIN_WORD = new RegExp("([" + LATIN + "\u0300-\u036F])[" + APOSTROPHES + "]+(?=[" +
                                 LATIN + "])", "g");
  var APOSTROPHE = new RegExp("[" + APOSTROPHES + "]", "g");
  var TOKEN = /[\p{L}\p{N}]+/gu; // Python's [^\W_]+

  function casefold(text) {
    // Upper then lower gives Python's casefold for all but dotless ı (kept) and ẞ.
    return text.split("\u0131").map(function (part) {
      return part.toUpperCase().toLowerCase();
    }).join("\u0131").replace(/\u00DF/g, "ss");
  }

  function fold(text) {
    // ´ first: NFKC makes it a space and an accent.
    var clean = text.replace(/\u00B4/g, "'").normalize("NFKC").replace(IN_LATIN_WORD, "$1")
      .replace(APOSTROPHE, " ").replace(MARKS, "").replace(SPACES, " ")
      .replace(/^ | $/g, "");
    var folded = casefold(clean.replace(FOLD_CHARS, function (ch) { return FOLD[ch]; }));
    return folded.normalize("NFD").replace(ACCENTS, "").normalize("NFC");
  }

  function tokens(query) {
    var seen = [];
    (fold(query).match(TOKEN) || []).forEach(function (t) {
      if (seen.indexOf(t) < 0) seen.push(t);
    });
    return seen;
  }

  /* -------------------------------------------------------------- search */

  var PAGE = 10, PREFIX_MIN = 2, PREFIX_SHARDS = 2, EXACT = 2, PREFIX = 1;

  function shardsFor(token, firsts) {
    var lo = 0, hi = firsts.length; // bisect_right
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (token < firsts[mid]) hi = mid; else lo = mid + 1;
    }
    var shards = [Math.max(0, lo - 1)];
    if (token.length >= PREFIX_MIN) {
      while (shards.length < PREFIX_SHARDS && shards[shards.length - 1] + 1 < firsts.length &&
             firsts[shards[shards.length - 1] + 1].startsWith(token)) {
        shards.push(shards[shards.length - 1] + 1);
      }
    }
    return shards;
  }

  function decode(values) {
    var out = new Map(), id = -1;
    for (var i = 0; i < values.length; i++) {
      id += values[i] >> 2;
      out.set(id, values[i] & 3);
    }
    return out;
  }

  // An index folder: `get(name)` resolves to the parsed JSON file.
  function Index(get) {
    this.get = get;
  }

  Index.prototype.search = function (query) {
    var self = this;
    var terms = tokens(query);
    return self.get("index.json").then(function (manifest) {
      if (!terms.length) return {ids: [], manifest: manifest};
      return Promise.all(terms.map(function (token) {
        var shards = shardsFor(token, manifest.shards);
        return Promise.all(shards.map(function (s) { return self.get("t" + s + ".json"); }))
          .then(function (parts) { return score(token, parts); });
      })).then(function (perToken) {
        var totals = perToken[0];
        perToken.slice(1).forEach(function (scores) {
          var next = new Map();
          totals.forEach(function (s, id) { if (scores.has(id)) next.set(id, s + scores.get(id)); });
          totals = next;
        });
        var ids = Array.from(totals.keys()).sort(function (a, b) {
          return totals.get(b) - totals.get(a) || a - b;
        });
        return {ids: ids, manifest: manifest};
      });
    });
  };

  function score(token, shards) {
    var scores = new Map();
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (term) {
        var factor = term === token ? EXACT
          : token.length >= PREFIX_MIN && term.startsWith(token) ? PREFIX : 0;
        if (!factor) return;
        decode(shard[term]).forEach(function (weight, id) {
          scores.set(id, Math.max(scores.get(id) || 0, weight * factor));
        });
      });
    });
    return scores;
  }

  // The documents [url, title, kind, sub(, title's language)] of some ids, in order.
  Index.prototype.documents = function (ids, manifest) {
    var self = this, block = manifest.block;
    return Promise.all(ids.map(function (id) {
      return self.get("d" + Math.floor(id / block) + ".json").then(function (rows) {
        return rows[id % block];
      });
    }));
  };

  // The label of the volume a result's URL is in: an archive's manifest lists its volumes
  // once, [[path, label], …], and a URL starts with its volume's path.
  function volumeOf(url, volumes) {
    for (var i = 0; i < (volumes || []).length; i++) {
      if (url.startsWith(volumes[i][0])) return volumes[i][1];
    }
    return "";
  }

  var api = {fold: fold, tokens: tokens, Index: Index, shardsFor: shardsFor, PAGE: PAGE,
             volumeOf: volumeOf};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  window.WaqaiSearch = api;

  /* ------------------------------------------------------------------ UI */

  function countText(t, lang, count) {
    var form = count === 0 ? "zero" : new Intl.PluralRules(lang).select(count);
    return (t.counts[form] || t.counts.other).replace("#", String(count));
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // The index in `folder` (a URL), fetching each file once.
  function fetchedIndex(folder) {
    var cache = new Map(), version = "";
    return new Index(function (name) {
      if (!cache.has(name)) {
        var url = new URL(name, folder);
        if (version) url.search = "v=" + version;
        // The manifest is revalidated (it names the build); the rest carry its id.
        var init = name === "index.json" ? {cache: "no-cache"} : {};
        cache.set(name, fetch(url, init).then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + url);
          return r.json();
        }).then(function (json) {
          if (name === "index.json") version = json.id;
          return json;
        }).catch(function (err) { cache.delete(name); throw err; }));
      }
      return cache.get(name);
    });
  }

  // What a search box searches: an index and the root its results' URLs are relative to,
  // both named by attributes of the box (data-waqai-index and data-waqai-site, or
  // data-waqai-archive-index and data-waqai-archive-site).
  function scopeOf(box, index, site) {
    return {index: fetchedIndex(new URL(box.getAttribute(index), document.baseURI)),
            site: new URL(box.getAttribute(site), document.baseURI)};
  }

  // The box is in the page's HTML (partials/waqai/search.html): Material's classes, the
  // index folder, the site's root and the words this script writes, in the page's language.
  // On a volume of an archive, a checkbox (.waqai-search__all) widens it to the archive.
  function setUp() {
    var box = document.querySelector(".waqai-search[data-waqai-index]");
    var toggle = document.getElementById("__search");
    if (!box || !toggle || box.hasAttribute("data-waqai-ready")) return;
    box.setAttribute("data-waqai-ready", "");
    var lang = (document.documentElement.lang || "").split("-")[0];
    var t = JSON.parse(box.getAttribute("data-waqai-labels"));
    var all = box.querySelector(".waqai-search__all");
    var own = scopeOf(box, "data-waqai-index", "data-waqai-site");
    var archive = all ? scopeOf(box, "data-waqai-archive-index", "data-waqai-archive-site") : null;
    var scope = own;

    var input = box.querySelector(".md-search__input");
    var form = box.querySelector(".md-search__form");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");

    var current = 0, shown = [], answer = null, last = null;

    function render(rows, volumes) {
      rows.forEach(function (row) {
        var article = el("article", {class: "md-search-result__article md-typeset"}, [
          el("div", {class: "md-search-result__icon md-icon"}),
          row[2] ? el("p", {class: "waqai-search__kind"}, [row[2]]) : "",
          // A title in the other language (a translation gap) says which: [.., lang].
          el("h1", row[4] ? {lang: row[4], dir: row[4] === "ar" ? "rtl" : "ltr"} : {}, [row[1]])
        ].filter(Boolean));
        var volume = volumeOf(row[0], volumes);
        // In the page's direction, a Latin short name isolated in an Arabic line.
        if (volume) article.appendChild(el("p", {class: "waqai-search__volume"}, [el("bdi", {}, [volume])]));
        if (row[3]) article.appendChild(el("p", {}, [row[3]]));
        list.appendChild(el("li", {class: "md-search-result__item"}, [
          el("a", {href: new URL(row[0], scope.site).href, class: "md-search-result__link",
                   "data-waqai-url": row[0]}, [article])]));
      });
    }

    function showMore() {
      var ids = answer.ids.slice(shown.length, shown.length + PAGE);
      var ticket = current;
      return scope.index.documents(ids, answer.manifest).then(function (rows) {
        if (ticket !== current) return;
        shown = shown.concat(ids);
        var more = list.querySelector(".waqai-search__more");
        if (more) more.remove();
        render(rows, answer.manifest.volumes);
        if (shown.length < answer.ids.length) {
          var link = el("button", {type: "button", class: "md-search-result__more waqai-search__more"},
                        [t.more]);
          link.addEventListener("click", function () { showMore(); });
          list.appendChild(el("li", {class: "md-search-result__item"}, [link]));
        }
      });
    }

    function run() {
      var query = input.value;
      if (query === last) return; // input and keyup both report most changes
      last = query;
      var ticket = ++current;
      if (!tokens(query).length) {
        list.textContent = "";
        meta.textContent = t.type;
        box.removeAttribute("data-waqai-state");
        return;
      }
      box.setAttribute("data-waqai-state", "searching");
      scope.index.search(query).then(function (result) {
        if (ticket !== current) return;
        answer = result;
        shown = [];
        list.textContent = "";
        var count = result.ids.length;
        meta.textContent = countText(t, lang, count);
        return showMore();
      }).then(function () {
        if (ticket !== current) return;
        box.setAttribute("data-waqai-query", query); // lets tests wait for this very query
        box.setAttribute("data-waqai-scope", scope === archive ? "archive" : "own");
        box.setAttribute("data-waqai-state", "done");
      }, function () {
        if (ticket !== current) return;
        last = null; // let the same query try again
        meta.textContent = t.failed;
        box.setAttribute("data-waqai-state", "failed");
      });
    }

    function open() {
      toggle.checked = true;
      input.focus();
    }

    input.addEventListener("input", run);
    input.addEventListener("keyup", run);
    input.addEventListener("focus", function () {
      toggle.checked = true;
      scope.index.get("index.json").catch(function () {}); // warm up while the reader types
    });
    if (all) {
      all.addEventListener("change", function () {
        scope = all.checked ? archive : own;
        last = null; // the same words, asked of the other index
        run();
      });
    }
    form.addEventListener("reset", function () { setTimeout(run); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a.md-search-result__link");
      if (first) first.click();
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus(); else input.blur();
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "") ||
        (event.target && event.target.isContentEditable);
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (!typing && !toggle.checked && !event.ctrlKey && !event.metaKey && !event.altKey &&
                 (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
