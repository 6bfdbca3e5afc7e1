"""The one rule for an address an editor writes: what may become a link on a page.

Every field whose value becomes an `href`, a `<link>`, a JSON-LD `url`, a feed or a
deposit (the site's own address, the conference's official page, an attachment's
link) is read by `link_problem` with the schemes its field allows: `https`, and
`http` where the field says so (an older conference's official page often has no
other). Anything else is refused at `check`, where an editor can act on it, rather
than escaped into a page: `javascript:`, `data:` and `vbscript:` run code in a
reader's browser, `//host/` leaves the site without a scheme, and a user name
before the host (`https://trusted.example@evil.example/`) disguises where a link goes.

What may follow the host is what RFC 3986 allows (unreserved characters,
percent-escapes, sub-delimiters, `:` `@` `/` `?` `#`), and letters, marks and digits of
any script (an IRI: an Arabic page name is written as it reads). Quotes, `<`, `>`,
spaces, backslashes and the other characters a URL never holds are refused, so no
value can end an attribute or a tag wherever a template prints it.

The after-build scan (`site/safe_urls.py`) holds the site itself to the same schemes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A host: labels of letters (any script, for an international domain name), digits and
# inner hyphens, dot-separated, with at least one dot; or an IPv4 address.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
HOST = re.compile(rf"^(?:{_LABEL}\.)+{_LABEL}\.?$")
PORT = re.compile(r"^[0-9]{1,5}$")
# What RFC 3986 allows after the authority, ASCII part: unreserved, sub-delims, : @ / ? #
# and the % of a percent-escape (its two hex digits are checked apart).
_ASCII_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                           "-._~!$&'()*+,;=:@/?#%")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# The JSON Schema's approximation (editors' tools): a scheme, a host, no character that
# can never be part of a URL. The loader's reading (`link_problem`) is the exact rule.
SCHEMA_PATTERN = {
    ("https",): r'^https://[^\s/?#@"<>\\^`{|}]+(?:[/?#][^\s"<>\\^`{|}]*)?$',
    ("https", "http"): r'^https?://[^\s/?#@"<>\\^`{|}]+(?:[/?#][^\s"<>\\^`{|}]*)?$',
}


@dataclass(frozen=True)
class LinkRule:
    """What a field's address may be: its schemes, and for the site's own address (`site`)
    a folder: no query, no fragment, ending in `/`."""

    schemes: tuple[str, ...] = ("https",)
    site: bool = False

    @property
    def example(self) -> str:
        return ("https://proceedings.example.org/2024/" if self.site
                else "https://example.org/conference/")

    @property
    def starts(self) -> str:
        """How the address must start, for messages: “https://” or “https:// (or http://)”."""
        first, *others = self.schemes
        return f"“{first}://”" + "".join(f" (or “{other}://”)" for other in others)


def link_problem(value: str, rule: LinkRule) -> str | None:
    """Why `value` is not an address of the kind `rule` allows, or None if it is."""
    scheme, separator, rest = value.partition("://")
    if not separator or scheme not in rule.schemes:
        return f"does not start with {rule.starts}"
    authority, _, after = _split_authority(rest)
    if "@" in authority:
        return "names a user before the host (“…@”), which disguises where the link goes"
    host, _, port = authority.partition(":")
    if not HOST.match(host):
        return f"has no host name after {scheme}://"
    if port and not (PORT.match(port) and 0 < int(port) < 65536):
        return f"has a port “{port}” that is not a number from 1 to 65535"
    bad = _bad_characters(after)
    if bad:
        shown = " ".join(f"“{ch}”" if ch.strip() else f"U+{ord(ch):04X}" for ch in bad)
        return f"holds characters an address never has ({shown})"
    if _PERCENT.search(after):
        return "has a “%” that is not followed by two hexadecimal digits"
    if rule.site:
        if "?" in after or "#" in after:
            return "has a query (“?”) or fragment (“#”), which the site's own address cannot"
        if not after.endswith("/"):
            return "does not end in “/”"
    return None


def _split_authority(rest: str) -> tuple[str, str, str]:
    """(authority, the character that ends it, what follows from that character on)."""
    match = re.search(r"[/?#]", rest)
    if match is None:
        return rest, "", ""
    return rest[: match.start()], match.group(), rest[match.start():]


def _bad_characters(text: str) -> list[str]:
    """The characters of `text` outside RFC 3986's set and not letters, marks or digits of
    another script, each once, in order."""
    bad = [ch for ch in text if ch not in _ASCII_ALLOWED
           and not (ord(ch) > 127 and unicodedata.category(ch)[0] in "LMN")]
    return list(dict.fromkeys(bad))
