"""The city, country and time zone of a venue an export names only as an address
(the ACL Anthology's "Abu Dhabi, United Arab Emirates (Hybrid)", "Singapore (Hybrid)").

The country is the address's last part when it has one; the zone is the tz database's
zone named after the city, else the country's only zone (zone.tab and iso3166.tab of the
system's tz database or the tzdata package). What cannot be told is "" and the caller
says so: a guessed country would be printed in every citation.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Place:
    city: str
    country: str  # "" when neither the address nor the tz database tells
    zone: str  # an IANA name; "" when not told
    venue: str  # the address without its "(Hybrid)"


def _tables() -> tuple[str, str]:
    """zone.tab and iso3166.tab's text, "" each when not found."""
    for folder in zoneinfo.TZPATH:
        zones, countries = Path(folder) / "zone.tab", Path(folder) / "iso3166.tab"
        if zones.is_file() and countries.is_file():
            return zones.read_text("utf-8"), countries.read_text("utf-8")
    try:
        data = resources.files("tzdata") / "zoneinfo"
        return ((data / "zone.tab").read_text("utf-8"), (data / "iso3166.tab").read_text("utf-8"))
    except (ModuleNotFoundError, OSError):
        return "", ""


@functools.cache
def _zones() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Country code -> its zones, and country code -> its name."""
    zone_tab, iso_tab = _tables()
    zones: dict[str, list[str]] = {}
    for line in zone_tab.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and not line.startswith("#"):
            zones.setdefault(parts[0], []).append(parts[2])
    names = dict(line.split("\t")[:2] for line in iso_tab.splitlines()
                 if "\t" in line and not line.startswith("#"))
    return zones, names


def place(address: str) -> Place:
    venue = re.sub(r"\s*\((?:hybrid|virtual|online)\)\s*$", "", address, flags=re.I).strip()
    parts = [part.strip() for part in venue.split(",") if part.strip()]
    city = parts[0] if parts else ""
    country = parts[-1] if len(parts) > 1 else ""
    zones, names = _zones()
    code = next((c for c, name in names.items() if name.casefold() == country.casefold()), "")
    by_city = next(((c, zone) for c, found in zones.items() for zone in found
                    if zone.rsplit("/", 1)[-1].replace("_", " ").casefold() == city.casefold()),
                   None)
    if by_city and (not code or by_city[0] == code):
        code, zone = by_city
    else:
        zone = zones[code][0] if len(zones.get(code, ())) == 1 else ""
    return Place(city, country or names.get(code, "") if code else country, zone, venue)
