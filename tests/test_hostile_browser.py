"""Markup in every text of the data runs nothing in a browser (issue 29).

The example with `hostile.PAYLOAD` in every text an editor writes is built by the real
command and served as it would be deployed; Chromium loads one page of every kind in
both languages, and the 404 page, moves the pointer over and focuses every element
(the payload's handlers are `onmouseover` and `onfocus`) and must find no script of the
payload's run and no dialog opened. Before the site escaped its name, every page ran
the conference title's script.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import page_paths, require_chromium, site_path, url_of
from conftest import EXAMPLE_PAPERS, copy_tool, run_waqai
from hostile import INJECTED, write_hostile_papers

require_chromium(whole_module=True)


@pytest.fixture(scope="module")
def hostile_base_url(tmp_path_factory: pytest.TempPathFactory):
    from waqai.bench.static_server import serve

    project = copy_tool(tmp_path_factory.mktemp("hostile-browser") / "project")
    write_hostile_papers(EXAMPLE_PAPERS, project / "papers")
    result = run_waqai(project, "build")
    assert result.code == 0, result.output
    site = project / "site"
    with serve(site, site_path(site)) as base_url:
        yield base_url, site


def test_no_script_of_the_data_runs_on_any_page_kind(
        browser, hostile_base_url: tuple[str, Path]) -> None:
    base_url, site = hostile_base_url
    urls = [url_of(base_url, path, lang) for path in page_paths(site).values()
            for lang in ("ar", "en")] + [base_url + "no-such-page/"]
    ran: dict[str, object] = {}
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        page.evaluate("""() => {
            for (const element of document.querySelectorAll('body *')) {
                element.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
                element.dispatchEvent(new FocusEvent('focus'));
            }
        }""")
        value = page.evaluate(f"() => window.{INJECTED}")
        if value is not None:
            ran[url] = value
    page.close()
    assert ran == {} and dialogs == []
    # The pages did load the data: the payload is there, as text.
    assert (site / "index.html").read_text(encoding="utf-8").count("&lt;script&gt;") > 1
