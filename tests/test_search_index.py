"""The search index without a browser: content, per-language split, format, bytes.

Queries go through `waqai.search.query`, the Python mirror of the browser's
lookup (the browser tests check the script itself on the example site).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from factories import make_paper, make_person, make_proceedings, make_session
from waqai.data.model import Text
from waqai.search import SCRIPT, first_query_bytes, search, write_search_indexes
from waqai.search import index as index_module
from waqai.search.index import Terms, decode, encode, order
from waqai.search.query import shards_for
from waqai.text.arabic import search_tokens


def urls(answer) -> list[str]:
    return [row[0] for row in answer.results]


@pytest.fixture(scope="module")
def volume_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    people = (
        make_person("ibrahim", given="إبراهيم", nasab="", family="الشمري", honorific="د.",
                    latin=(("Ibrahim", "Al-Shammari"),)),
        make_person("abdulrahman", given="عبد الرحمن", nasab="", family="القحطاني",
                    latin=(("Abdulrahman", "Al-Qahtani"),)),
    )
    sessions = (make_session("s1", title=Text("الحوكمة الرقمية", "Digital governance"),
                             chairs=("abdulrahman",)),)
    papers = (
        make_paper("patients", title=Text("تحسين تجربة المريض", "Improving the Patient Experience"),
                   people=("ibrahim",), keywords=(("الرعاية الصحية",), ("health care",)),
                   abstract=Text("وللمدرسة دور في **الحوكمة**، انظر [الدليل](https://x.example/ليس).",
                                 "Schools matter; see Absher.")),
        make_paper("governance", order=2, title=Text("الحوكمة في الأجهزة", "Governance in agencies"),
                   people=("abdulrahman",)),
    )
    proc = make_proceedings(people=people, sessions=sessions, papers=papers)
    site = tmp_path_factory.mktemp("search") / "site"
    write_search_indexes(proc, site)
    return site


def test_each_language_lists_only_its_own_pages(volume_site: Path):
    for lang, prefix in (("ar", ""), ("en", "en/")):
        docs = [row for path in sorted((volume_site / "search" / lang).glob("d*.json"))
                for row in json.loads(path.read_text(encoding="utf-8"))]
        assert sorted(row[0] for row in docs) == sorted(
            prefix + u for u in ("papers/patients/", "papers/governance/", "sessions/s1/",
                                 "people/ibrahim/", "people/abdulrahman/", "", "about/"))


def test_keywords_are_searchable_with_ta_marbuta_as_ha(volume_site: Path):
    assert urls(search(volume_site, "ar", "الرعايه")) == ["papers/patients/"]  # keyword only
    assert urls(search(volume_site, "en", "health care")) == ["en/papers/patients/"]


def test_leading_waw_lam_and_article_do_not_block(volume_site: Path):
    # The abstract writes «وللمدرسة» (و + ل + ال + مدرسة).
    for query in ("المدرسة", "مدرسه", "مدرس"):
        assert urls(search(volume_site, "ar", query)) == ["papers/patients/"], query


def test_link_targets_are_not_words(volume_site: Path):
    assert search(volume_site, "ar", "example").ids == []
    assert urls(search(volume_site, "ar", "الدليل")) == ["papers/patients/"]


def test_names_in_both_scripts_find_the_person_and_their_paper(volume_site: Path):
    for query in ("ابراهيم", "إبراهيم", "Ibrahim", "shammari"):
        assert set(urls(search(volume_site, "ar", query))) == {
            "people/ibrahim/", "papers/patients/"}, query
    assert set(urls(search(volume_site, "en", "ابراهيم"))) == {
        "en/people/ibrahim/", "en/papers/patients/"}


def test_abd_compounds_match_joined_or_spaced(volume_site: Path):
    # The name is written «عبد الرحمن»; he chairs s1 and wrote «governance».
    expected = {"people/abdulrahman/", "sessions/s1/", "papers/governance/"}
    assert set(urls(search(volume_site, "ar", "عبدالرحمن"))) == expected
    assert set(urls(search(volume_site, "ar", "عبد الرحمن"))) == expected


def test_title_ranks_above_body_and_every_word_must_match(volume_site: Path):
    # «الحوكمة» is in the session's and one paper's title, and in the other's abstract.
    assert urls(search(volume_site, "ar", "الحوكمة")) == [
        "papers/governance/", "sessions/s1/", "papers/patients/"]
    assert urls(search(volume_site, "ar", "الحوكمة المريض")) == ["papers/patients/"]


def test_prefix_from_two_letters_whole_words_below(volume_site: Path):
    assert urls(search(volume_site, "en", "Abs")) == ["en/papers/patients/"]
    assert search(volume_site, "en", "a").ids == []  # no one-letter word "a" in the texts
    assert search(volume_site, "en", "").ids == []


def test_postings_round_trip():
    weights = {0: 3, 1: 1, 7: 2, 300: 1}
    assert encode(weights) == [(1 << 2) | 3, (1 << 2) | 1, (6 << 2) | 2, (293 << 2) | 1]
    assert decode(encode(weights)) == weights


def test_word_cache_gives_the_terms_of_the_whole_text():
    texts = ["د. عبد الرحمن بن عبدالله العبد الله", "وللمدرسة والمدرسة ﷺ", "أ.  عبد", "Straße",
             "the Qur’an’s ‘words’ مدرسة’الرياض عبد’الله"]
    terms = Terms()
    for text in texts:
        assert terms(text) == set(search_tokens(text)), text


def test_apostrophes_inside_latin_words_do_not_split_terms(tmp_path: Path):
    """Issue 30: «Quran» found 1 paper where «Qur’an» found 10 (ACL Anthology titles)."""
    assert search_tokens("On the Qur’an and “Arabic”") == ["on", "the", "quran", "and", "arabic"]
    assert search_tokens("مدرسة’الرياض") == ["مدرسه", "الرياض", "رياض"]  # not glued
    papers = (make_paper("curly", title=Text("القرآن", "Reading the Qur’an")),
              make_paper("plain", order=2, title=Text("التلاوة", "Quran Recitation")),
              make_paper("modifier", order=3, title=Text("الآيات", "Qurʼanic Verses")))
    write_search_indexes(make_proceedings(papers=papers), tmp_path)
    terms = {term for path in (tmp_path / "search" / "en").glob("t*.json")
             for term in json.loads(path.read_text(encoding="utf-8"))}
    assert {"quran", "quranic"} <= terms and "qur" not in terms
    for query in ("Quran", "Qur’an", "Qur'an", "qurʼan", "Qur´an"):
        assert set(urls(search(tmp_path, "en", query))) == {
            "en/papers/curly/", "en/papers/plain/", "en/papers/modifier/"}, query


def test_shards_hold_sorted_ranges_and_lookups_find_every_term(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               volume_site: Path):
    monkeypatch.setattr(index_module, "SHARD_BYTES", 120)
    from factories import make_example_proceedings
    from waqai.search.index import write_index
    from waqai.search.records import records

    write_index(records(make_example_proceedings(), "ar"), tmp_path)
    firsts = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))["shards"]
    assert len(firsts) > 5
    assert [order(f) for f in firsts] == sorted(order(f) for f in firsts)
    for i, first in enumerate(firsts):
        terms = json.loads((tmp_path / f"t{i}.json").read_text(encoding="utf-8"))
        assert min(terms, key=order) == first
        for term in terms:
            assert i + 1 == len(firsts) or order(term) < order(firsts[i + 1])
            assert shards_for(term, firsts)[0] == i


def test_first_query_bytes_counts_script_manifest_shard_and_blocks(built_site: Path):
    # «ابشر» matches one document, the Absher talk, and its terms sit in one shard.
    folder = built_site / "search" / "ar"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    shards = [path for path in sorted(folder.glob("t*.json"))
              if any(term.startswith("ابشر")
                     for term in json.loads(path.read_text(encoding="utf-8")))]
    assert len(shards) == 1
    answer = search(built_site, "ar", "ابشر")
    assert urls(answer) == ["papers/absher/"]
    block = answer.ids[0] // manifest["block"]
    expected = sum(path.stat().st_size for path in (
        built_site / SCRIPT, folder / "index.json", shards[0], folder / f"d{block}.json"))
    assert first_query_bytes(built_site, "ar", "ابشر") == expected


def test_built_site_indexes_every_paper_session_person_and_written_page_once(
        built_site: Path):
    pages = {f"{kind}/{d.name}/" for kind in ("papers", "sessions", "people")
             for d in (built_site / kind).iterdir() if (d / "index.html").is_file()}
    pages |= {"", "about/"}  # the generated home and about pages
    # The hand-written pages: docs/<name>.<lang>.md.
    pages |= {md.name[: -len(".ar.md")] + "/" for md in (ROOT / "docs").glob("*.ar.md")}
    for lang, prefix in (("ar", ""), ("en", "en/")):
        rows = [row for path in (built_site / "search" / lang).glob("d*.json")
                for row in json.loads(path.read_text(encoding="utf-8"))]
        assert sorted(row[0] for row in rows) == sorted(prefix + p for p in pages)
        assert all((built_site / row[0] / "index.html").is_file() for row in rows)
    assert not (built_site / "search" / "search_index.json").exists()  # Material's is gone


@pytest.mark.parametrize("lang, query, url, kind", [
    ("en", "substitute", "en/about/", "Page"),  # words of the about notes only
    ("ar", "تغني", "about/", "صفحة"),
    ("en", "merge", "en/contributing/", "Page"),  # a hand-written page
    ("ar", "صلاحية", "contributing/", "صفحة"),
])
def test_prose_pages_are_found(built_site: Path, lang: str, query: str, url: str, kind: str):
    answer = search(built_site, lang, query)
    assert [(row[0], row[2]) for row in answer.results] == [(url, kind)]


def test_a_kept_index_writes_what_a_fresh_one_writes(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    """Under `serve` the index is updated, not rebuilt: the folder must not differ."""
    from dataclasses import replace

    from factories import make_example_proceedings
    from waqai.search.index import IndexFolder, write_index
    from waqai.search.records import records

    monkeypatch.setattr(index_module, "SHARD_BYTES", 300)  # many shards, to shift
    start = list(records(make_example_proceedings(), "en"))
    first = start[0]
    steps = {
        "a title": [replace(first, title="Retitled")] + start[1:],
        "a new word": [replace(first, fields=first.fields + ((1, "zyzzyva quokka"),))]
        + start[1:],
        "words gone": [replace(first, fields=((3, "Retitled"),))] + start[1:],
        "a record added": start + [replace(first, url="en/papers/added/")],
        "a record removed": start[1:],
    }
    kept, folder = IndexFolder(), tmp_path / "kept"
    kept.update(start)
    kept.write(folder)
    for step, now in steps.items():
        kept.update(now)
        kept.write(folder)
        write_index(now, tmp_path / "fresh")
        fresh = {p.name: p.read_bytes() for p in (tmp_path / "fresh").iterdir()}
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == fresh, step
        assert len(fresh) > 4, step
