"""A synthetic EasyChair export of any size, for `bench --import`.

`submission.csv` and `author.csv` laid out as EasyChair writes them, from the same seeded
vocabulary as the synthetic proceedings (`synthetic.py`): every other submission in
Arabic, the rest in English, each with one to three authors drawn from a pool a third
the size of the export (so authors recur across papers), and one submission in ten
rejected. Every title is marked synthetic.
"""

from __future__ import annotations

import csv
from pathlib import Path

from waqai.bench.synthetic import Writer

SUBMISSION_COLUMNS = ("#", "title", "authors", "submitted", "last updated", "form fields",
                      "keywords", "decision", "notified", "reviews sent", "abstract",
                      "deleted?")
AUTHOR_COLUMNS = ("submission #", "first name", "last name", "email", "country",
                  "affiliation", "Web page", "person #", "corresponding?")


def write_easychair_export(dest: Path, rows: int, seed: int = 2015) -> list[Path]:
    """Write `rows` submissions into `dest` (created); the two files' paths."""
    writer = Writer(seed)
    pool = writer.people(max(3, rows // 3))
    dest.mkdir(parents=True, exist_ok=True)
    submissions, authors = dest / "submission.csv", dest / "author.csv"
    with submissions.open("w", newline="", encoding="utf-8") as s_file, \
            authors.open("w", newline="", encoding="utf-8") as a_file:
        s_out, a_out = csv.writer(s_file), csv.writer(a_file)
        s_out.writerow(SUBMISSION_COLUMNS)
        a_out.writerow(AUTHOR_COLUMNS)
        for number in range(1, rows + 1):
            arabic = number % 2 == 1
            side = 0 if arabic else 1
            title, abstract = writer.title()[side], writer.abstract()[side]
            keywords = writer.keywords()[side]
            people = writer.rng.sample(pool, writer.rng.randint(1, 3))
            names = []
            for person in people:
                given, family = ((person["given"], person["family"]) if arabic
                                 else person["latin"][0])
                names.append(f"{given} {family}")
                person_number = pool.index(person) + 1
                a_out.writerow((number, given, family,
                                f"person{person_number}@example.org", "Saudi Arabia",
                                (person.get("affiliation") or ("", ""))[side], "",
                                person_number, "yes" if person is people[0] else "no"))
            decision = "reject" if number % 10 == 0 else "accept"
            s_out.writerow((number, title, " and ".join(names), "2024-06-01 10:00",
                            "2024-06-02 10:00", "", "\n".join(keywords), decision,
                            "yes", "yes", abstract, "no"))
    return [submissions, authors]
