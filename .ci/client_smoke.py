#!/usr/bin/env python3
"""Drives a started server through the Python client openapi-python-client generated from its /openapi.json.

What a frontend developer's first screens need, each answer checked by content (names, ids), not just status:
a page of countries with `fields` and `include` lists (sent as generated clients send arrays:
`fields=a&fields=b`), one country, a search, one paragraph of the source.

    python3 .ci/client_smoke.py --base-url http://127.0.0.1:PORT --client-dir DIR [--list-items 2]

DIR holds the generated package (`kazakhstan_api_client`). `--list-items 1` sends one-item lists, for a server
that does not yet take repeated list parameters. Type-checked with `mypy --strict` against the generated package.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TypeVar

T = TypeVar("T")

SOURCE = "kazakhstan-foreign-relations"
KAZAKHSTAN_AR = "كازاخستان"


def included_ids(value: Any, under_included: bool = False) -> set[tuple[str, str]]:
    """Every (type, id) of an entity under an `included` member, wherever it sits (per item or top level)."""
    found: set[tuple[str, str]] = set()
    if isinstance(value, dict):
        if under_included and isinstance(value.get("type"), str) and isinstance(value.get("id"), str):
            found.add((value["type"], value["id"]))
        for key, member in value.items():
            found |= included_ids(member, under_included or key == "included")
    elif isinstance(value, list):
        for item in value:
            found |= included_ids(item, under_included)
    return found


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"client smoke: FAILED: {what}")
    print(f"client smoke: ok: {what}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--client-dir", required=True)
    parser.add_argument("--list-items", type=int, choices=(1, 2), default=2)
    args = parser.parse_args()
    sys.path.insert(0, args.client_dir)
    run(args.base_url, args.list_items)


def run(base_url: str, list_items: int) -> None:
    # Imported here: the package exists only once the client is generated into --client-dir.
    from kazakhstan_api_client import Client
    from kazakhstan_api_client.api.countries import get_country, list_countries
    from kazakhstan_api_client.api.search import search
    from kazakhstan_api_client.api.sources import get_source_paragraph
    from kazakhstan_api_client.models import (
        CountryCollection,
        CountryFieldName,
        CountryRelationName,
        CountryResource,
        CountrySortKey,
        LocalizedText,
        ParagraphResource,
        SearchHitCollection,
    )
    from kazakhstan_api_client.types import Unset

    def present(value: T | Unset, what: str) -> T:
        """A member the generated model types as optional (`fields=` may leave it out), here required."""
        check(not isinstance(value, Unset), f"{what} is present")
        assert not isinstance(value, Unset)
        return value

    def both(value: LocalizedText | str | Unset, what: str) -> LocalizedText:
        """A localized member without `lang`: `{ar, en}` (with `lang` it would be a plain string)."""
        name = present(value, what)
        check(isinstance(name, LocalizedText), f"{what} is in both languages")
        assert isinstance(name, LocalizedText)
        return name

    client = Client(base_url=base_url, raise_on_unexpected_status=True)

    # A list with `fields` and `include` lists, sorted by a descending key (an enum member with a readable name).
    fields = [CountryFieldName.NAME, CountryFieldName.ALPHA3][:list_items]
    include = [CountryRelationName.ORGANIZATIONS, CountryRelationName.PEOPLE][:list_items]
    page = list_countries.sync_detailed(
        client=client, fields=fields, include=include, sort=[CountrySortKey.NAME_EN_DESC], limit=10
    )
    check(page.status_code == 200, f"listCountries fields={fields} include={include} -> {page.status_code}")
    countries = page.parsed
    check(isinstance(countries, CountryCollection), "listCountries parses as CountryCollection")
    assert isinstance(countries, CountryCollection)
    by_id = {item.id: item for item in countries.data}
    check("kz" in by_id, f"listCountries lists kz (ids {sorted(by_id)})")
    check(both(by_id["kz"].name, "name").en == "Kazakhstan", "kz is named Kazakhstan")
    english = [str(both(item.name, "name").en) for item in countries.data]
    check(english == sorted(english, reverse=True), f"sorted by -name.en: {english}")
    raw = json.loads(page.content)
    first = raw["data"][0]
    check(set(first) <= {"id", "type", "href", "name", "alpha3", "relationships"}, f"fields narrowed: {sorted(first)}")
    embedded = included_ids(raw)
    check(("organizations", "sco") in embedded, "included organizations hold sco")
    if list_items > 1:
        check("alpha3" in first and first["alpha3"] == first["alpha3"].upper(), "second field (alpha3) kept")
        check(("people", "nursultan-nazarbayev") in embedded, "included people hold nursultan-nazarbayev")

    # One entity.
    country = get_country.sync(client=client, id="kz")
    check(isinstance(country, CountryResource), "getCountry parses as CountryResource")
    assert isinstance(country, CountryResource)
    check(country.data.id == "kz" and country.data.alpha3 == "KAZ", "getCountry kz is KAZ")
    arabic = str(both(country.data.name, "name").ar)
    check(KAZAKHSTAN_AR in arabic, f"its Arabic name is {arabic}")

    # A search, in Arabic.
    hits = search.sync(client=client, q=KAZAKHSTAN_AR, limit=3)
    check(isinstance(hits, SearchHitCollection), "search parses as SearchHitCollection")
    assert isinstance(hits, SearchHitCollection)
    check(bool(hits.data) and (hits.data[0].type_, hits.data[0].id) == ("countries", "kz"), "search ranks kz first")

    # One paragraph of the source, with its mentions.
    paragraph = get_source_paragraph.sync(client=client, id=SOURCE, n=2)
    check(isinstance(paragraph, ParagraphResource), "getSourceParagraph parses as ParagraphResource")
    assert isinstance(paragraph, ParagraphResource)
    text = present(paragraph.data.text, "text")
    check(paragraph.data.number == 2 and KAZAKHSTAN_AR in text, "paragraph 2 is about Kazakhstan")
    mentions = present(paragraph.data.mentions, "mentions")
    mentioned = {mention.id for mention in mentions}
    check("kz" in mentioned, f"paragraph 2 mentions kz ({len(mentioned)} entities)")
    # A paragraph screen needs no request per mention: each carries its entity's names and what it is.
    names = {mention.id: both(mention.name, f"mention {mention.id} name").en for mention in mentions}
    check(names.get("kz") == "Kazakhstan", "the kz mention is named Kazakhstan")
    roles = {str(mention.role.value) for mention in mentions}
    check(roles <= {"name", "claim"} and bool(roles), f"mention roles are name or claim: {sorted(roles)}")


if __name__ == "__main__":
    main()
