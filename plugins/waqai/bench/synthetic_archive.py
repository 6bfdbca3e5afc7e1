"""A synthetic archive of volumes, for `bench --archive` and the archive's scale tests.

`write_synthetic_archive(dest, volumes, papers)` writes a project whose papers/ is an
archive: archive.yaml, one people.yaml, and `volumes` yearly volumes of `papers` items
each, every one written as `synthetic.write_volume` writes a one-volume project's, with
its own short name, year, citation keys and DOIs. The volumes share people as a series
does: each volume's people are its own for `OWN_SHARE` of them, the rest people of other
volumes, so every person of people.yaml is cited and many appear in several volumes.
Every title is marked «[اصطناعي]» / "[synthetic]", the archive's too.
"""

from __future__ import annotations

from pathlib import Path

from waqai.bench.synthetic import (
    MARK_AR,
    MARK_EN,
    PDFS,
    REPO_ROOT,
    VolumeStyle,
    Writer,
    people_yaml,
    text_yaml,
    write,
    write_tool,
    write_volume,
)

OWN_SHARE = 0.6  # of a volume's people, those it alone cites; the others return from others
SITE_URL = "https://proceedings.example.org/synthetic/"


def volume_id(number: int) -> str:
    return f"syn-{number:02d}"


def archive_yaml() -> str:
    title = (f"{MARK_AR} أرشيف وقائع اصطناعية", f"{MARK_EN} An archive of synthetic proceedings")
    publisher = ("جمعية اصطناعية", "A synthetic society")
    return "\n".join(["# A synthetic archive for benchmarks: no real paper, person or event.",
                      f"title: {text_yaml(title)}", f"site_url: \"{SITE_URL}\"",
                      f"publisher: {text_yaml(publisher)}", ""])


def write_synthetic_archive(dest: Path, volumes: int, papers: int, seed: int = 2015, *,
                            template_root: Path = REPO_ROOT, pdfs: int = PDFS) -> None:
    """Write a synthetic project into `dest` whose papers/ is an archive of `volumes`
    volumes of `papers` items each (the first `pdfs` papers of each with a PDF)."""
    if volumes < 1 or papers < 1:
        raise ValueError("an archive needs at least one volume of at least one item")
    writer = Writer(seed)
    plans = [writer.plan(papers) for _ in range(volumes)]
    share = OWN_SHARE if volumes > 1 else 1.0
    own = [max(1, round(plan.people * share)) for plan in plans]
    people = writer.people(sum(own))
    ids = [person["id"] for person in people]
    data = dest / "papers"
    data.mkdir(parents=True, exist_ok=True)
    write(data / "archive.yaml", archive_yaml())
    write(data / "people.yaml", people_yaml(people))
    first = 0
    for number, (plan, count) in enumerate(zip(plans, own), start=1):
        mine = ids[first:first + count]
        others = ids[:first] + ids[first + count:]
        returning = writer.rng.sample(others, min(len(others), plan.people - count))
        write_volume(data / volume_id(number), writer, plan, mine + returning, pdfs,
                     VolumeStyle(number))
        first += count
    from waqai.data.archivecheck import validate_archive

    archive = validate_archive(dest).archive
    assert archive is not None, "the synthetic archive did not validate"
    write_tool(dest, template_root, archive.volumes[0].proceedings)
