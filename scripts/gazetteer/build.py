#!/usr/bin/env python3
"""Build assets/gazetteer/{entities,demonyms}.tsv for lede's gazetteer.

Run at development time only; the output is committed and embedded in the binary
(nothing is fetched at build or run time):

    python3 scripts/gazetteer/build.py            # installs the sources into a temp dir
    python3 scripts/gazetteer/build.py --deps DIR # reuse (or create) an install dir

Sources (pinned): CLDR via the PyPI package `babel` (territory and continent names,
exemplar cities of time zones, in English and French), ISO 3166-1 via the PyPI package
`pycountry`, and the mledoze/countries dataset via the npm package `world-countries`
(ODbL: names, official names, alternative spellings, French translations, demonyms,
capitals). Curated tables in this directory add what no package has (organisations,
regions, extra city and country forms); see assets/gazetteer/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "assets", "gazetteer")

PY_PACKAGES = {"babel": "2.18.0", "pycountry": "26.2.16"}
NPM_PACKAGES = {"world-countries": "5.1.0"}

CONTINENTS = {"002", "009", "142", "150", "019", "003", "005"}
# Time-zone "cities" that are not cities a news reader means: zone artefacts and
# sub-state zones of the US tz database, Antarctic stations, etc/unknown.
SKIP_TERRITORIES = {"001", "ZZ", "AQ"}
SKIP_ZONE_PARTS = ("/Indiana/", "/Kentucky/", "/North_Dakota/")
SUBDIVISIONS = {"US": {"State", "District"}, "CA": {"Province", "Territory"}, "AU": {"State", "Territory"},
                "GB": {"Country", "Province"}}


# ---------------------------------------------------------------- helpers


def install(deps: str) -> None:
    py = os.path.join(deps, "py")
    npm = os.path.join(deps, "npm")
    if not os.path.isdir(os.path.join(py, "babel")):
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--target", py] + [f"{k}=={v}" for k, v in PY_PACKAGES.items()],
            check=True,
        )
    if not os.path.isdir(os.path.join(npm, "node_modules", "world-countries")):
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", npm]
            + [f"{k}@{v}" for k, v in NPM_PACKAGES.items()],
            check=True,
        )
    sys.path.insert(0, py)


def read_tsv(name: str) -> list[dict[str, str]]:
    path = os.path.join(HERE, name)
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                raise SystemExit(f"{path}:{lineno}: {len(cells)} cells, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            rows.append({k: v.strip() for k, v in zip(header, cells)})
    return rows


def split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in s:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def is_latin(s: str) -> bool:
    for c in s:
        o = ord(c)
        if 0x0250 <= o <= 0x02FF:  # IPA extensions, spacing modifier letters
            return False
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def ok_form(s: str) -> bool:
    """A surface form worth matching: Latin script, has a capital, no list punctuation."""
    s = s.strip()
    return (
        len(s) >= 2
        and is_latin(s)
        and any(c.isupper() for c in s)
        and "," not in s
        and "(" not in s
        and "\t" not in s
        and "|" not in s
        and " -" not in s
        and "- " not in s
        and "' " not in s
        and "\u2019 " not in s
    )


def clean_cldr(name: str) -> tuple[str, list[str]]:
    """'Myanmar (Birmanie)' -> ('Myanmar', ['Birmanie']); 'Congo - Brazzaville' -> 'Congo-Brazzaville'."""
    extra: list[str] = []
    if "(" in name and name.endswith(")"):
        head, _, rest = name.partition("(")
        extra.append(rest[:-1].strip())
        name = head.strip()
    return name.replace(" - ", "-"), extra


class Entity:
    def __init__(self, id_: str, kind: str, name_en: str, name_fr: str, parent: str = ""):
        self.id, self.kind, self.parent = id_, kind, parent
        self.name_en, self.name_fr = name_en, name_fr
        self.forms: list[str] = []
        self.acronyms: list[str] = []
        self.ambiguous: set[str] = set()
        self.drop: set[str] = set()

    def add_forms(self, forms) -> None:
        for f in forms:
            f = f.strip()
            if f and f not in self.forms:
                self.forms.append(f)

    def add_acronyms(self, forms) -> None:
        for f in forms:
            if f and f not in self.acronyms:
                self.acronyms.append(f)

    def row(self) -> list[str]:
        names = {self.name_en, self.name_fr}
        forms = [f for f in self.forms if f not in names and f not in self.drop and f not in self.acronyms and ok_form(f)]
        if self.kind != "city":
            # no determiner in a mention span ("the Netherlands" -> "Netherlands");
            # cities keep theirs, which is part of the name (Le Caire, The Hague)
            forms = [f for f in forms if not f.startswith(("the ", "The ", "Les ", "les "))]
        acr = [a for a in self.acronyms if a not in self.drop]
        every = {self.name_en, self.name_fr, *forms, *acr}
        amb = sorted(a for a in self.ambiguous if a in every)
        return [self.id, self.kind, self.parent, self.name_en, self.name_fr, "|".join(forms), "|".join(acr), "|".join(amb)]


# ---------------------------------------------------------------- French and English plurals


def fr_plural(w: str) -> str:
    if w.endswith(("s", "x", "z")):
        return w
    if w.endswith(("eau", "au", "eu")):
        return w + "x"
    if w.endswith("al"):
        return w[:-2] + "aux"
    return w + "s"


def en_plural(w: str) -> str:
    if w.endswith(("ese", "ish", "ch", "sh", "ss", "s", "x", "z")):
        return w
    return w + "s"


def lower_first(w: str) -> str:
    return w[:1].lower() + w[1:]


def upper_first(w: str) -> str:
    return w[:1].upper() + w[1:]


def upper_after_hyphen(w: str) -> str:
    return "-".join(p if p == "et" else upper_first(p) for p in w.split("-"))


def fr_demonym_forms(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in v.split(","):
            part = part.strip()
            if not part or " et " in part or " " in part:
                continue
            if part.startswith("Emiri"):
                part = "É" + part[1:]
            if part.startswith("Neo-"):
                part = "Néo-" + part[4:]
            low = part.lower()
            for w in (low, fr_plural(low)):
                out.append(w)
                out.append(upper_first(w))
                if "-" in w:
                    out.append(upper_after_hyphen(w))
    return list(dict.fromkeys(out))


def en_demonym_forms(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in v.replace(" or ", ",").split(","):
            part = part.strip()
            if not part or not part[0].isupper():
                continue
            out.append(part)
            out.append(en_plural(part))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- build


def build() -> tuple[list[Entity], list[list[str]]]:
    from babel import Locale
    from babel.core import get_global
    import pycountry

    wc_path = os.path.join(ARGS.deps, "npm", "node_modules", "world-countries", "countries.json")
    with open(wc_path, encoding="utf-8") as f:
        countries = json.load(f)

    fr, en = Locale("fr"), Locale("en")
    ents: dict[str, Entity] = {}

    # -- countries
    extra: dict[str, dict[str, list[str]]] = {}
    for r in read_tsv("country_extra.tsv"):
        e = extra.setdefault(r["iso"], {"forms": [], "acronyms": [], "ambiguous": [], "drop": [],
                                        "name_en": "", "name_fr": ""})
        e["name_en"] = r["name_en"] or e["name_en"]
        e["name_fr"] = r["name_fr"] or e["name_fr"]
        e["forms"] += split(r["forms"])
        e["acronyms"] += split(r["acronyms"])
        e["ambiguous"] += split(r["ambiguous_forms"])
        e["drop"] += split(r["drop_forms"])

    iso_codes = {c.alpha_2 for c in pycountry.countries}
    demonym_words = set()
    for c in countries:
        for lang in ("eng", "fra"):
            for g in ("m", "f"):
                v = c["demonyms"].get(lang, {}).get(g, "")
                if v:
                    demonym_words.add(v)

    wc_by_iso = {}
    for c in countries:
        iso = c["cca2"]
        if iso not in iso_codes and iso != "XK":  # Kosovo: user-assigned code, used by the dataset
            continue
        wc_by_iso[iso] = c
        n_en, x_en = clean_cldr(en.territories.get(iso, c["name"]["common"]))
        n_fr, x_fr = clean_cldr(fr.territories.get(iso, c["translations"]["fra"]["common"]))
        if "SAR" in n_en or "R.A.S." in n_fr:
            n_en, n_fr = c["name"]["common"], c["translations"]["fra"]["common"]
        if "&" in n_en or n_en.startswith("St. "):
            ent_forms_extra = [n_en]
            n_en = c["name"]["common"]
        else:
            ent_forms_extra = []
        x = extra.get(iso)
        if x:
            n_en, n_fr = x["name_en"] or n_en, x["name_fr"] or n_fr
        ent = Entity(f"iso:{iso}", "country", n_en, n_fr)
        ent.add_forms(x_en + x_fr + ent_forms_extra)
        ent.add_forms([clean_cldr(en.territories.get(iso, n_en))[0], clean_cldr(fr.territories.get(iso, n_fr))[0]])
        ent.add_forms([c["name"]["common"], c["name"]["official"],
                       c["translations"]["fra"]["common"], c["translations"]["fra"]["official"]])
        for alt in c["altSpellings"]:
            if alt in (iso, c["cca3"]) or alt in demonym_words:
                continue
            if alt.isupper() and len(alt) <= 4:
                ent.add_acronyms([alt])
            else:
                ent.add_forms([alt])
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    ent.add_forms([v])
        if x:
            ent.add_forms(x["forms"])
            ent.add_acronyms(x["acronyms"])
            ent.ambiguous.update(x["ambiguous"])
            ent.drop.update(x["drop"])
        ents[ent.id] = ent

    # -- continents and regions from CLDR
    for code, name in fr.territories.items():
        if not code.isdigit() or code == "001":
            continue
        n_en, _ = clean_cldr(en.territories[code])
        n_fr, _ = clean_cldr(name)
        kind = "continent" if code in CONTINENTS else "region"
        ent = Entity(f"cldr:{code}", kind, n_en, n_fr)
        ents[ent.id] = ent

    for r in read_tsv("regions.tsv"):
        if r["id"]:
            ent = ents[r["id"]]
            ent.name_en, ent.name_fr = r["name_en"] or ent.name_en, r["name_fr"] or ent.name_fr
        else:
            id_ = f"wikidata:{r['qid']}" if r["qid"] else f"region:{r['slug']}"
            ent = ents.setdefault(id_, Entity(id_, r["kind"], r["name_en"], r["name_fr"]))
        ent.add_forms(split(r["forms"]))
        ent.ambiguous.update(split(r["ambiguous_forms"]))

    # -- first-level subdivisions of a few federations, as regions (ISO 3166-2 via pycountry):
    # they keep "New Mexico" from reading as Mexico and give "Georgia" its second meaning
    import gettext

    fr_sub = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    sub_rules = {r["code"]: r for r in read_tsv("subdivisions.tsv")}
    for cc, types in SUBDIVISIONS.items():
        for sd in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if sd.type not in types:
                continue
            n_en, n_fr = sd.name, fr_sub.gettext(sd.name)
            ent = Entity(f"iso:{sd.code}", "region", n_en, n_fr, f"iso:{cc}")
            rule = sub_rules.get(sd.code)
            if rule:
                ent.name_en = rule["name_en"] or ent.name_en
                ent.name_fr = rule["name_fr"] or ent.name_fr
                ent.add_forms(split(rule["forms"]))
                ent.ambiguous.update(split(rule["ambiguous_forms"]))
            ents[ent.id] = ent

    # every country form, to keep island-territory zone names out of the city list
    country_forms = set()
    for e in ents.values():
        if e.kind == "country":
            country_forms.update({e.name_en, e.name_fr, *e.forms})

    # -- cities: capitals and CLDR exemplar cities
    rules = {r["name_en"]: r["action"] for r in read_tsv("city_rules.tsv")}
    capitals = {(iso, cap) for iso, c in wc_by_iso.items() for cap in c.get("capital", [])}
    # capitals of sovereign states are never dropped; those of dependent territories
    # (The Valley, West Island, Stanley) go through the same rules as other cities
    sovereign = {iso for iso, c in wc_by_iso.items() if c.get("unMember") or c.get("independent")}
    cities: dict[tuple[str, str], Entity] = {}

    def city(iso: str, n_en: str, n_fr: str) -> Entity:
        key = (iso, slug(n_en))
        if key not in cities:
            ent = Entity(f"city:{iso}:{slug(n_en)}", "city", n_en, n_fr, f"iso:{iso}")
            cities[key] = ent
        return cities[key]

    zt = get_global("zone_territories")
    for zone, iso in zt.items():
        if iso in SKIP_TERRITORIES or any(p in zone for p in SKIP_ZONE_PARTS) or iso not in wc_by_iso:
            continue
        n_en = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        n_fr = fr.time_zones.get(zone, {}).get("city") or n_en
        n_fr, x_fr = clean_cldr(n_fr)
        is_capital = (iso, n_en) in capitals and iso in sovereign
        action = rules.get(n_en, "")
        if not is_capital and (n_en in country_forms or n_fr in country_forms):
            continue
        if action == "drop" and not is_capital:
            continue
        if action == "region":
            n_en = {"Canary": "Canary Islands"}.get(n_en, n_en)
            id_ = f"region:{slug(n_en)}"
            ent = ents.setdefault(id_, Entity(id_, "region", n_en, n_fr, f"iso:{iso}"))
            ent.add_forms(x_fr)
            continue
        ent = city(iso, n_en, n_fr)
        ent.add_forms(x_fr)
        if action == "ambiguous":
            ent.ambiguous.update({n_en, n_fr})

    for iso, cap in sorted(capitals):
        action = rules.get(cap, "")
        if action == "drop" and iso not in sovereign:
            continue
        ent = city(iso, cap, cap)
        if action == "ambiguous":
            ent.ambiguous.update({ent.name_en, ent.name_fr})

    curated: set[tuple[str, str]] = set()
    for r in read_tsv("cities.tsv"):
        iso = r["country"]
        key = (iso, slug(r["name_en"]))
        ent = cities.get(key) or city(iso, r["name_en"], r["name_fr"])
        curated.add(key)
        if r["name_fr"]:
            ent.name_fr = r["name_fr"]
        if r["qid"]:
            ent.id = f"wikidata:{r['qid']}"
        ent.add_forms(split(r["forms"]))
        ent.ambiguous.update(split(r["ambiguous_forms"]))

    # one city, several spellings across the sources (Ndjamena / N'Djamena, Tirane / Tirana,
    # New York / New York City): merge the entries of one country that share a name or form,
    # or whose names differ only in punctuation
    def norm(n: str) -> str:
        return slug(n).replace("-", "")

    merged = True
    while merged:
        merged = False
        keys = list(cities)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a[0] != b[0] or a not in cities or b not in cities:
                    continue
                ea, eb = cities[a], cities[b]
                na = {norm(x) for x in (ea.name_en, ea.name_fr, *ea.forms)}
                nb = {norm(x) for x in (eb.name_en, eb.name_fr, *eb.forms)}
                if not na & nb:
                    continue
                # keep the curated names and a Wikidata id when either side has them
                keep, gone = (ea, eb) if (a in curated or b not in curated) else (eb, ea)
                keep.add_forms([gone.name_en, gone.name_fr, *gone.forms])
                keep.ambiguous |= gone.ambiguous
                if gone.id.startswith("wikidata:"):
                    keep.id = gone.id
                del cities[b if keep is ea else a]
                merged = True

    # a city whose names are also a country's (Djibouti, Luxembourg, Singapore...) keeps
    # only its other forms: the country reading wins in text
    for ent in cities.values():
        for n in (ent.name_en, ent.name_fr, *ent.forms):
            if n in country_forms:
                ent.drop.add(n)
        ents[ent.id] = ent

    # -- organisations
    for r in read_tsv("orgs.tsv"):
        id_ = f"wikidata:{r['qid']}" if r["qid"] else f"org:{r['slug']}"
        ent = Entity(id_, "org", r["name_en"], r["name_fr"])
        ent.add_forms(split(r["forms"]))
        ent.add_acronyms(split(r["acronyms"]))
        ent.ambiguous.update(split(r["ambiguous_forms"]))
        if id_ in ents:
            raise SystemExit(f"duplicate id {id_}")
        ents[id_] = ent

    # -- demonyms
    dem_extra: dict[tuple[str, str], list[str]] = {}
    for r in read_tsv("demonym_extra.tsv"):
        dem_extra.setdefault((r["iso"], r["lang"]), []).extend(split(r["forms"]))
    skip_dem = {(r["iso"], r["lang"]) for r in read_tsv("demonym_extra.tsv") if r.get("skip") == "1"}

    claims: dict[str, list[tuple[str, str]]] = {}
    dem: dict[tuple[str, str], list[str]] = {}
    for iso, c in wc_by_iso.items():
        for lang, fn in (("fr", fr_demonym_forms), ("en", en_demonym_forms)):
            d = c["demonyms"].get("fra" if lang == "fr" else "eng", {})
            forms = [] if (iso, lang) in skip_dem else fn([d.get("m", ""), d.get("f", "")])
            forms += [f for f in dem_extra.get((iso, lang), []) if f not in forms]
            dem[(iso, lang)] = forms
            for f in forms:
                claims.setdefault(f, []).append((iso, lang))

    def priority(iso: str) -> tuple:
        c = wc_by_iso[iso]
        return (bool(c.get("unMember")), bool(c.get("independent")), c.get("area", 0))

    entity_forms = set()
    for e in ents.values():
        entity_forms.update({e.name_en, e.name_fr, *e.forms, *e.acronyms})

    dem_rows: list[list[str]] = []
    for (iso, lang), forms in sorted(dem.items()):
        keep, shared = [], []
        for f in forms:
            if f in entity_forms:
                continue
            owners = sorted({o for o, _ in claims[f]}, key=priority, reverse=True)
            if owners[0] != iso:
                continue
            keep.append(f)
            # shared only when another sovereign country claims it too (congolais: CD and CG),
            # not when a dependent territory repeats its metropole's word (français: TF)
            if sum(1 for o in owners if priority(o)[0] or priority(o)[1]) > 1:
                shared.append(f)
        if keep:
            dem_rows.append([f"iso:{iso}", lang, "|".join(keep), "|".join(shared)])
    # demonyms of entities that are not ISO 3166-1 countries (a historical state such as the
    # Soviet Union: "soviétique", "Soviet"), keyed in demonym_extra.tsv by their full id
    for (id_, lang), forms in sorted(dem_extra.items()):
        if ":" in id_:
            if id_ not in ents:
                raise SystemExit(f"demonym_extra.tsv: unknown id {id_}")
            keep = [f for f in forms if f not in entity_forms and f not in claims]
            if keep:
                dem_rows.append([id_, lang, "|".join(keep), ""])

    return list(ents.values()), dem_rows


HEADER_NOTE = [
    "# Generated by scripts/gazetteer/build.py; do not edit by hand (edit the script or its tables).",
    "# Sources: CLDR via babel {babel}, ISO 3166-1 via pycountry {pycountry}, world-countries {wc} (ODbL),".format(
        babel=PY_PACKAGES["babel"], pycountry=PY_PACKAGES["pycountry"], wc=NPM_PACKAGES["world-countries"]),
    "# and the curated tables in scripts/gazetteer/. Licence of this table: ODbL 1.0 (see README.md).",
]


def write(path: str, header: list[str], rows: list[list[str]], note: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in note:
            f.write(line + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            for cell in r:
                if "\t" in cell or "\n" in cell:
                    raise SystemExit(f"bad cell {cell!r} in {r}")
            f.write("\t".join(r) + "\n")


def main() -> None:
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--deps", help="directory to install the source packages into (kept)")
    ARGS = ap.parse_args()
    tmp = None
    if not ARGS.deps:
        tmp = tempfile.TemporaryDirectory(prefix="lede-gazetteer-")
        ARGS.deps = tmp.name
    install(ARGS.deps)
    ents, dem_rows = build()
    kind_order = {"country": 0, "continent": 1, "region": 2, "city": 3, "org": 4}
    ents.sort(key=lambda e: (kind_order[e.kind], e.id))
    seen = set()
    for e in ents:
        if e.id in seen:
            raise SystemExit(f"duplicate id {e.id}")
        seen.add(e.id)
    os.makedirs(OUT, exist_ok=True)
    write(os.path.join(OUT, "entities.tsv"),
          ["id", "kind", "parent", "name_en", "name_fr", "forms", "acronyms", "ambiguous_forms"],
          [e.row() for e in ents], HEADER_NOTE)
    write(os.path.join(OUT, "demonyms.tsv"), ["id", "lang", "forms", "shared_forms"], dem_rows, HEADER_NOTE)
    print(f"entities.tsv: {len(ents)} rows; demonyms.tsv: {len(dem_rows)} rows")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
