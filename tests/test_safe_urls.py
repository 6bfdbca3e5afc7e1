"""The after-build scan of one page (`site/safe_urls.py`): what it refuses and what it
lets through, as a browser would read each address. The scan on whole built sites is
tested in test_hostile_contributions.py."""

from __future__ import annotations

import pytest

from waqai.site.safe_urls import unsafe_urls

REFUSED = ["javascript:alert(1)", "JavaScript:alert(1)", "java&#9;script:alert(1)",
           "java\nscript:alert(1)", " javascript:alert(1)", "&#106;avascript:alert(1)",
           "data:text/html,x", "vbscript:x", "//evil.example/", "\\\\evil.example/"]
ALLOWED = ["https://proceedings.example.org/a/", "http://example.org/", "HTTPS://EXAMPLE.ORG/",
           "mailto:editor@example.org", "../papers/absher/", "#top", "search/",
           "https://example.org/?q=javascript:x"]


def page(href: str) -> str:
    return f'<!doctype html><p>text: javascript:x</p><a class="x" href="{href}">x</a>'


@pytest.mark.parametrize("href", REFUSED)
def test_an_address_of_another_scheme_or_host_is_found(href: str) -> None:
    found = unsafe_urls(page(href))
    assert len(found) == 1 and found[0].startswith("href="), found


@pytest.mark.parametrize("href", ALLOWED)
def test_http_mailto_and_relative_addresses_pass(href: str) -> None:
    assert unsafe_urls(page(href)) == []


def test_a_meta_address_and_json_ld_are_judged_too() -> None:
    html = ('<meta property="og:image" content="javascript:x">'
            '<meta name="description" content="javascript: a word in text">'
            '<script type="application/ld+json">{"url": "data:x", "name": "javascript:y"}'
            "</script>")
    assert unsafe_urls(html) == ["content=“javascript:x”: the scheme “javascript:”",
                                 "JSON-LD url: the scheme “data:”"]
